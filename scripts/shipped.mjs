// What the .vsix may contain: scripts/package.mjs refuses anything else, and bench/startup.mjs
// checks the package it builds against the same list.
export const SHIPPED = [
  /^package\.json$/,
  /^package\.nls(\.[\w-]+)?\.json$/,
  /^(README|CHANGELOG)\.md$/,
  /^LICENSE(\.txt)?$/,
  /^language-configuration\.json$/,
  /^dist\/extension\/[^/]+\.js$/,
  /^dist\/webview\/[^/]+\.js$/,
  /^dist\/cli\.js$/,
  /^(bin|schemas|media|l10n|syntaxes)\//,
];
