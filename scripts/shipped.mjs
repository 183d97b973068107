// What the .vsix may contain: scripts/package.mjs refuses anything else, and bench/startup.mjs
// checks the package it builds against the same list. The CLI (dist/cli.js, bin/) is not in it:
// it ships as its own npm package, scripts/pack-cli.mjs.
export const SHIPPED = [
  /^package\.json$/,
  /^package\.nls(\.[\w-]+)?\.json$/,
  /^(README|CHANGELOG)\.md$/,
  /^LICENSE(\.txt)?$/,
  /^language-configuration\.json$/,
  /^dist\/extension\/[^/]+\.js$/,
  /^dist\/webview\/[^/]+\.js$/,
  /^(schemas|media|l10n|syntaxes)\//,
];
