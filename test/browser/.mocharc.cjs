// Browser tests of the preview page in real headless Chromium: `npm run test:browser`.
process.env.TEST_SUITE_NAME ??= 'browser';
module.exports = {
  spec: ['test/browser/**/*.test.mjs'],
  reporter: 'test/countingReporter.js',
  timeout: 30000,
  slow: 2000,
};
