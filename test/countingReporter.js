// Mocha's spec reporter, plus a {passed, failed} summary written to $TEST_RESULTS_DIR/<suite>.json
// so that .ci/run can print one "N passed, N failed" line over every suite it ran.
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const counts = { passed: 0, failed: 0 };
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => counts.passed++);
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => counts.failed++);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const dir = process.env.TEST_RESULTS_DIR;
      if (!dir) return;
      const file = path.join(dir, `${process.env.TEST_SUITE_NAME || 'unit'}.json`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(counts));
    });
  }
}
module.exports = CountingReporter;
