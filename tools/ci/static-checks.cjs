#!/usr/bin/env node
// `npm test`'s checks before Jest — lint, format, the three typechecks, the architecture measure — run side by
// side, two at a time (each is one single-threaded process): about half the wall time of running them in turn.
// Each check's output is printed whole when it ends; the exit code is 1 when any failed.
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
const parallel = Math.max(1, Math.min(Number(process.env.CHECKS_PARALLEL) || os.availableParallelism(), checks.length));

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
  await Promise.all(Array.from({ length: parallel }, lane));
  const failed = results.filter((ok) => !ok).length;
  console.log(failed === 0 ? '\nAll static checks passed.' : `\n${failed} static check(s) failed.`);
  process.exit(failed === 0 ? 0 : 1);
}

main();
