// Longest suites first, so no worker is left running a browser suite alone at the end. Jest orders by the
// durations in its cache; a clean clone (CI) has none and Jest falls back to file size, which puts browser
// suites anywhere. Without a cached duration a suite gets its kind's typical one (seen on CI, 3 workers).
const Sequencer = require('@jest/test-sequencer').default;

const TYPICAL_MS = [
  [/\/apps\/console\/e2e\//, 90_000],
  [/\.e2e\.spec\.ts$/, 25_000],
  [/\.int\.spec\.ts$/, 8_000],
];

class SlowFirstSequencer extends Sequencer {
  time(test) {
    const cached = super.time(test);
    if (cached != null) return cached;
    const typical = TYPICAL_MS.find(([pattern]) => pattern.test(test.path.replace(/\\/g, '/')));
    // Unit suites: a second or two, the bigger file the longer.
    return typical ? typical[1] : 1_000 + (test.context.hasteFS.getSize(test.path) ?? 0) / 10;
  }
}

module.exports = SlowFirstSequencer;
