// `npm run bench` runs every tools/bench/*.bench.ts; `npm run bench -- <name>` runs one.
// Each benchmark prints `BENCH <name> <metric> <value> <unit>` lines and exits non-zero when it misses its goal.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const dir = __dirname;
const all = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${all.join(', ')}`);
  process.exit(2);
}

let failed = 0;
for (const name of wanted.length > 0 ? wanted : all) {
  console.log(`# ${name}`);
  const run = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--enable-source-maps',
      '-r',
      path.join(dir, '..', 'ts-run.cjs'),
      path.join(dir, `${name}.bench.ts`),
    ],
    { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (run.status !== 0) {
    failed += 1;
    console.log(`# ${name}: FAILED (exit ${run.status})`);
  }
}
process.exit(failed === 0 ? 0 : 1);
