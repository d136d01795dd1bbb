// The operator's account command, run by `npm run account -- <command>` (tools/account.ts launches it).
//
// Works on the database the gateway would use, read from the same environment (`DATABASE_URL`, else
// the SQLite file in `DATA_DIR`), and runs pending migrations first, as the gateway does at start.
// With `REDIS_URL`, disabling, enabling and deleting are announced to every gateway at once; without,
// the single gateway of the embedded default sees them within 2 s (EMBEDDED_LINE_STATUS_MAX_AGE_MS).
// Exit codes: 0 done, 1 refused (unknown account, e-mail in use, …), 2 usage or configuration.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import {
  type AccountChangeAnnouncer,
  AccountAdministration,
  type Announcement,
  exportAccount,
} from '@dutyline/application';
import { type AccountSummary, type Id, ValidationError, formatInstant } from '@dutyline/domain';
import { ConfigError } from '@dutyline/env';
import { sqlRepositories } from '@dutyline/persistence';
import type { DataSource } from 'typeorm';
import { PasswordHasher, acceptablePassword } from '../auth/password-hasher';
import { openClusterResources } from '../cluster/cluster-resources';
import { accountTopic } from '../cluster/invalidation-bus';
import { protectDataDir } from '../config/data-dir';
import type { GatewayConfig } from '../config/gateway-config';
import { loadGatewayConfig } from '../config/generated-auth-secret';
import { openDatabase } from '../database/database.module';
import { JsonLogger } from '../logging/json-logger';

export const USAGE = `Usage: npm run account -- <command>

  create --name <account name> --admin-email <e-mail> [--admin-name <name>] [--password-stdin]
          opens an account with its first admin; prints the account id and the admin's password
          (generated, or the first line of standard input with --password-stdin)
  list    every account: id, name, created, users, hotlines, disabled since
  disable <account id>
          its users and API keys are refused from their next request, its hotlines tell callers
          the line is not in service
  enable <account id>
          undoes disable
  delete <account id> --yes
          deletes the account and everything of it, in one transaction
  export <account id>
          the account's data as JSON on standard output (version 1: no password hashes, no key secrets)

The database is the gateway's: DATABASE_URL (mysql://…), else <DATA_DIR>/dutyline.sqlite.
Exit codes: 0 done, 1 refused, 2 usage or configuration.`;

export type Command =
  | { readonly kind: 'help' }
  | {
      readonly kind: 'create';
      readonly name: string;
      readonly adminEmail: string;
      readonly adminName: string | null;
      readonly passwordStdin: boolean;
    }
  | { readonly kind: 'list' }
  | { readonly kind: 'disable' | 'enable' | 'export'; readonly accountId: string }
  | { readonly kind: 'delete'; readonly accountId: string; readonly confirmed: boolean };

/** Bad command-line input: said with the usage, exit code 2. */
export class UsageError extends Error {}

/** A refusal (exit code 1): the message says why. */
class Refusal extends Error {}

const FLAGS: Readonly<Record<string, { readonly takesValue: boolean; readonly commands: readonly string[] }>> = {
  '--name': { takesValue: true, commands: ['create'] },
  '--admin-email': { takesValue: true, commands: ['create'] },
  '--admin-name': { takesValue: true, commands: ['create'] },
  '--password-stdin': { takesValue: false, commands: ['create'] },
  '--yes': { takesValue: false, commands: ['delete'] },
};

export function parseCommand(argv: readonly string[]): Command {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help')
    return { kind: 'help' };
  const [command, ...rest] = argv;
  if (!['create', 'list', 'disable', 'enable', 'delete', 'export'].includes(command))
    throw new UsageError(`unknown command "${command}"`);
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i].startsWith('--') ? splitFlag(rest[i]) : [null, null];
    if (flag === null) {
      positional.push(rest[i]);
      continue;
    }
    const known = FLAGS[flag];
    if (!known || !known.commands.includes(command)) throw new UsageError(`${flag} is not an option of ${command}`);
    if (!known.takesValue) {
      if (inline !== null) throw new UsageError(`${flag} takes no value`);
      flags.set(flag, true);
      continue;
    }
    const value = inline ?? rest[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    flags.set(flag, value);
  }
  const text = (flag: string): string | null =>
    typeof flags.get(flag) === 'string' ? (flags.get(flag) as string) : null;
  if (command === 'create' || command === 'list') {
    if (positional.length > 0) throw new UsageError(`${command} takes no account id, got "${positional[0]}"`);
  } else if (positional.length !== 1) {
    throw new UsageError(
      positional.length === 0
        ? `${command} needs the account id`
        : `${command} takes one account id, got ${positional.length}`,
    );
  }
  switch (command) {
    case 'create': {
      const name = text('--name');
      const adminEmail = text('--admin-email');
      if (name === null) throw new UsageError('--name is required');
      if (adminEmail === null) throw new UsageError('--admin-email is required');
      return {
        kind: 'create',
        name,
        adminEmail,
        adminName: text('--admin-name'),
        passwordStdin: flags.has('--password-stdin'),
      };
    }
    case 'list':
      return { kind: 'list' };
    case 'delete':
      return { kind: 'delete', accountId: positional[0], confirmed: flags.has('--yes') };
    default:
      return { kind: command as 'disable' | 'enable' | 'export', accountId: positional[0] };
  }
}

function splitFlag(argument: string): [string, string | null] {
  const equals = argument.indexOf('=');
  return equals < 0 ? [argument, null] : [argument.slice(0, equals), argument.slice(equals + 1)];
}

/** 24 characters from 144 random bits, URL-safe: typed once, then changed in the console. */
export const generatedPassword = (): string => randomBytes(18).toString('base64url');

/** The accounts as a table, one line each. */
export function formatAccounts(summaries: readonly AccountSummary[]): string {
  const rows = [
    ['ID', 'NAME', 'CREATED', 'USERS', 'HOTLINES', 'DISABLED'],
    ...summaries.map((s) => [
      s.account.id,
      s.account.name,
      formatInstant(s.account.createdAt),
      String(s.users),
      String(s.hotlines),
      s.account.disabledAt == null ? '-' : formatInstant(s.account.disabledAt),
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => [...row[column]].length)));
  return rows
    .map((row) =>
      row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  '),
    )
    .join('\n');
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Announces account changes on Redis to every gateway; none without REDIS_URL (the embedded gateway re-reads within 2 s). */
async function announcerFor(
  config: GatewayConfig,
  logger: JsonLogger,
): Promise<{ announcer?: AccountChangeAnnouncer; close(): Promise<void> }> {
  if (config.redisUrl === null) return { close: async () => undefined };
  const resources = await openClusterResources(config, logger);
  return {
    announcer: { accountChanged: (id: Id) => resources.bus.publish(accountTopic(id)) },
    close: () => resources.close(),
  };
}

function announced(config: GatewayConfig, outcome: Announcement): string {
  if (outcome.announced) return 'every gateway follows at once';
  if (config.redisUrl === null) return 'the gateway follows within 2 s';
  return `could not be announced on Redis (${outcome.reason}): gateways follow within 60 s`;
}

async function run(
  command: Exclude<Command, { kind: 'help' }>,
  { config, dataSource, logger }: { config: GatewayConfig; dataSource: DataSource; logger: JsonLogger },
): Promise<void> {
  const repositories = sqlRepositories(dataSource);
  const passwords = { acceptable: acceptablePassword, hash: (password: string) => new PasswordHasher().hash(password) };
  const changes =
    command.kind === 'disable' || command.kind === 'enable' || command.kind === 'delete'
      ? await announcerFor(config, logger)
      : undefined;
  const administration = new AccountAdministration({
    accounts: repositories.accounts,
    passwords,
    clock: { now: () => Date.now() },
    ids: { next: () => randomBytes(12).toString('base64url') },
    announcer: changes?.announcer,
  });
  const noSuchAccount = (id: string) =>
    new Refusal(`No account has the id "${id}" (npm run account -- list shows them).`);
  const changed = async (
    done: Promise<{ ok: true; value: Announcement } | { ok: false }>,
    id: string,
    what: string,
  ) => {
    const result = await done;
    if (!result.ok) throw noSuchAccount(id);
    process.stdout.write(`${what}; ${announced(config, result.value)}.\n`);
  };
  try {
    switch (command.kind) {
      case 'create': {
        const password = command.passwordStdin ? (await readStandardInput()).split(/\r?\n/)[0] : generatedPassword();
        const opened = await administration.open({
          name: command.name,
          adminEmail: command.adminEmail,
          adminName: command.adminName,
          adminPassword: password,
        });
        if (!opened.ok) throw new Refusal(`The e-mail ${opened.error.message}: choose another --admin-email.`);
        process.stdout.write(`Account: ${opened.value.account.id}\n`);
        if (!command.passwordStdin) process.stdout.write(`Admin password: ${password}\n`);
        process.stdout.write(`Admin: ${opened.value.admin.email.value}\n`);
        return;
      }
      case 'list':
        process.stdout.write(`${formatAccounts(await administration.list())}\n`);
        return;
      case 'disable':
        return await changed(
          administration.disable(command.accountId),
          command.accountId,
          `Account ${command.accountId} disabled`,
        );
      case 'enable':
        return await changed(
          administration.enable(command.accountId),
          command.accountId,
          `Account ${command.accountId} enabled`,
        );
      case 'delete':
        if (!command.confirmed)
          throw new Refusal(
            `Deleting account ${command.accountId} removes all of its data for good: add --yes to go ahead (export it first if you may need it).`,
          );
        return await changed(
          administration.delete(command.accountId),
          command.accountId,
          `Account ${command.accountId} deleted with all of its data`,
        );
      case 'export': {
        const exported = await exportAccount(
          { ...repositories, schedules: repositories.schedule, clock: { now: () => Date.now() } },
          command.accountId,
        );
        if (!exported.ok) throw noSuchAccount(command.accountId);
        process.stdout.write(`${JSON.stringify(exported.value, null, 2)}\n`);
        return;
      }
    }
  } finally {
    await changes?.close();
  }
}

async function main(): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let config: GatewayConfig;
  try {
    config = loadGatewayConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(
      `Fix the environment:\n${error.problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}\n`,
    );
    return 2;
  }
  const logger = new JsonLogger('warn', (line) => process.stderr.write(line));
  let dataSource: DataSource | undefined;
  try {
    dataSource = await openDatabase(config.database, logger);
    protectDataDir(config);
    await run(command, { config, dataSource, logger });
    return 0;
  } catch (error) {
    if (error instanceof Refusal) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (error instanceof ValidationError) {
      process.stderr.write(`${flagOf(error.field ?? '')}: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(
      `The ${config.database.kind === 'mysql' ? 'MySQL/MariaDB database' : `SQLite file ${config.database.file}`} could not be used: ${(error as Error).message}\n`,
    );
    return 1;
  } finally {
    await dataSource?.destroy().catch(() => undefined);
  }
}

/** The flag a use case's field came from. */
function flagOf(field: string): string {
  const flags: Readonly<Record<string, string>> = {
    name: '--name',
    adminEmail: '--admin-email',
    adminName: '--admin-name',
    adminPassword: 'the password on standard input',
    accountId: 'the account id',
  };
  return flags[field] ?? field;
}

if (require.main === module) void main().then((code) => process.exit(code));
