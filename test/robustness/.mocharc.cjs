// The robustness sweep, short and seeded, as a CI suite: `npm run test:robustness` (part of
// `npm test`). Counted on its own (robustness.json in $TEST_RESULTS_DIR, summed by .ci/run).
process.env.TEST_SUITE_NAME ??= 'robustness';
module.exports = {
  spec: ['test/robustness/**/*.test.mjs'],
  reporter: 'test/countingReporter.js',
  timeout: 600000,
  slow: 60000,
};
