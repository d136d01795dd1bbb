import { parseArgs } from 'node:util';
import { LocalDate } from '@dutyline/domain';
import { FleetShape, MAX_FLEET_HOTLINES } from './fleet-accounts';
import { FleetHistory } from './fleet-load';

export const USAGE = `Usage: npm run fleet -- [--accounts 1000] [--hotlines 10] [--people 20] [--weeks 8]
                      [--calls-per-day 3] [--history-days 365] [--from YYYY-MM-DD] [--seed 1]
       npm run fleet -- --delete

Fills the database with a fleet of accounts (ids fleet-00000, fleet-00001, …): per account the people
(1-3 numbers each), teams, hotlines in five time zones (a quarter with office service hours), weeks of
three-level slots from --from (a Monday; default this week's) with some gaps and overrides, and the
call history of --history-days days before it. Deterministic: the same options write the same rows.
--delete removes every fleet account and all of its rows, nothing else.
The database: DATABASE_URL, else BENCH_DATABASE_URL, else the database fleet on the local MariaDB (created if missing).
Exit codes: 0 done, 1 failed, 2 usage.`;

export type FleetCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'delete' }
  | { readonly kind: 'load'; readonly shape: FleetShape; readonly history: FleetHistory };

export class FleetUsageError extends Error {
  override readonly name = 'FleetUsageError';
}

const COUNTS = {
  accounts: { default: 1000, max: 100_000 },
  hotlines: { default: 10, max: 1000 },
  people: { default: 20, max: 10_000 },
  weeks: { default: 8, max: 104 },
  'calls-per-day': { default: 3, max: 100 },
  'history-days': { default: 365, max: 3660 },
  seed: { default: 1, max: 2 ** 31 },
} as const;

type CountName = keyof typeof COUNTS;

export function parseFleetCommand(args: readonly string[], today: LocalDate): FleetCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        ...Object.fromEntries(Object.keys(COUNTS).map((name) => [name, { type: 'string' as const }])),
        from: { type: 'string' },
        delete: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new FleetUsageError((error as Error).message);
  }
  if (parsed.help) return { kind: 'help' };
  if (parsed.delete) return { kind: 'delete' };
  const count = (name: CountName): number => {
    const text = parsed[name];
    if (text === undefined) return COUNTS[name].default;
    const value = Number(text);
    const min = name === 'accounts' || name === 'hotlines' || name === 'people' || name === 'weeks' ? 1 : 0;
    if (!Number.isInteger(value) || value < min || value > COUNTS[name].max)
      throw new FleetUsageError(`--${name} must be a whole number from ${min} to ${COUNTS[name].max}, not "${text}"`);
    return value;
  };
  let from = today.startOfWeek();
  if (typeof parsed.from === 'string') {
    try {
      from = LocalDate.parse(parsed.from, 'from');
    } catch {
      throw new FleetUsageError(`--from must be a date (YYYY-MM-DD), not "${parsed.from}"`);
    }
  }
  const [accounts, hotlines] = [count('accounts'), count('hotlines')];
  if (accounts * hotlines > MAX_FLEET_HOTLINES)
    throw new FleetUsageError(`--accounts × --hotlines must stay within ${MAX_FLEET_HOTLINES} hotlines`);
  return {
    kind: 'load',
    shape: {
      accounts,
      hotlines,
      people: count('people'),
      weeks: count('weeks'),
      from,
      seed: count('seed'),
    },
    history: { days: count('history-days'), callsPerDay: count('calls-per-day') },
  };
}
