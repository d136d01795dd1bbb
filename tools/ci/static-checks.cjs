#!/usr/bin/env node
// `npm test`'s static checks — lint, format, the three typechecks, the architecture measure — run side by side,
// two at a time (each is one single-threaded process): about half the wall time of running them in turn.
// `--alongside <command>` runs that command (a shell line, its output streamed) at the same time and the checks
// one at a time: `npm test` runs Jest's main pass so, whose suites wait on sockets and browsers about half the
// time. Each check's output is printed whole when it ends; the exit code is 1 when anything failed.
const { spawn } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const checks = [
  ['typecheck (server)', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['format', 'npm', ['run', '-s', 'format:check']],
  ['typecheck (console)', 'npm', ['run', '-s', 'typecheck', '-w', '@dutyline/console']],
  ['typecheck (console browser tests)', 'npx', ['tsc', '-p', 'apps/console/e2e/tsconfig.json']],
  ['architecture', 'npm', ['run', '-s', 'measure', '--', '--check']],
];
const alongsideAt = process.argv.indexOf('--alongside');
const alongside = alongsideAt >= 0 ? process.argv[alongsideAt + 1] : null;
const lanes = Number(process.env.CHECKS_PARALLEL) || (alongside ? 1 : os.availableParallelism());
const parallel = Math.max(1, Math.min(lanes, checks.length));

/** The `--alongside` command, its output streamed as it comes; resolves to whether it exited 0. */
function runAlongside(command) {
  return new Promise((resolve) => {
    const child = spawn(command, { cwd: root, env: process.env, shell: true, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(false);
    });
    child.on('close', (code) => resolve(code === 0));
  });
}

function run([name, command, args]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: process.env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const verdict = code === 0 ? 'ok' : `FAILED (exit ${code})`;
      process.stdout.write(
        `\n== ${name}: ${verdict} in ${seconds} s\n${output.trimEnd() ? `${output.trimEnd()}\n` : ''}`,
      );
      resolve(code === 0);
    });
  });
}

async function main() {
  const queue = [...checks];
  const results = [];
  const lane = async () => {
    for (let check = queue.shift(); check; check = queue.shift()) results.push(await run(check));
  };
  const [alongsideOk] = await Promise.all([
    alongside ? runAlongside(alongside) : Promise.resolve(true),
    ...Array.from({ length: parallel }, lane),
  ]);
  const failed = results.filter((ok) => !ok).length;
  console.log(failed === 0 ? '\nAll static checks passed.' : `\n${failed} static check(s) failed.`);
  if (!alongsideOk) console.log(`\n${alongside} failed.`);
  process.exit(failed === 0 && alongsideOk ? 0 : 1);
}

main();
