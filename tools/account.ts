// `npm run account -- <command>` (`--help` lists them): opens, lists, disables, enables, deletes and
// exports accounts on the gateway's database.
//
// The command is a composition root of the gateway (apps/gateway/src/operations/account-command.ts):
// it reads the gateway's configuration, opens its database and announces changes on its invalidation
// bus. Tools may not import an app, so this launches it as the benchmarks launch the gateway, with
// this process's arguments, environment and standard streams, and passes its exit code on.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const command = spawn(
  process.execPath,
  [
    '-r',
    path.join(root, 'tools', 'ts-run.cjs'),
    path.join(root, 'apps', 'gateway', 'src', 'operations', 'account-command.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
command.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
command.on('error', (error) => {
  process.stderr.write(`The account command could not start: ${error.message}\n`);
  process.exit(1);
});
