#!/usr/bin/env node
// The CLI is bundled with the core by esbuild (npm run build).
process.exitCode = require('../dist/cli.js').main(process.argv.slice(2));
