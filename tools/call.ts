// `npm run call -- --to <hotline> --from <number> --outcomes busy,no-answer,answer [--at <instant>] [--keys -,2]`
//
// A dry run of a hotline's routing on the running gateway (GraphQL `simulateCall`): the very inbound
// call service Vonage drives, on the live schedule and directory, with scripted outcomes for each
// number rung; nobody is rung and nothing is logged. Prints each step as it happened.
//
// Talks to DUTYLINE_URL (default http://localhost:3000/graphql) with DUTYLINE_API_KEY (the demo key
// `npm start` prints, or any admin/supervisor key). `--to` is the hotline's number or its id.

const USAGE = `Usage: npm run call -- --to <hotline number or id> [--from <caller number>] --outcomes <list> [--at <ISO instant>] [--keys <list>]

  --to        the hotline called: its number (+33140000000) or its id
  --from      the caller's number; omit it for a withheld number
  --outcomes  what happens each time a decision is needed, in order, comma-separated:
              for a ringing number busy, no-answer, failed, rejected, machine, answer, decline, no-confirm, hangup;
              on the voicemail record or hangup (when they run out: nobody answers, no message)
  --at        when the call arrives (default now), e.g. 2027-03-28T01:30:00Z
  --keys      what the caller keys at each menu or keyed number, in order, comma-separated; - for nothing
              (e.g. -,2: no key at the first menu, then 2)

Environment: DUTYLINE_URL (default http://localhost:3000/graphql), DUTYLINE_API_KEY (required).`;

const MUTATION = `mutation Call($hotlineId: ID, $to: String, $from: String, $outcomes: [String!]!, $at: Instant, $keys: [String!]) {
  simulateCall(hotlineId: $hotlineId, to: $to, from: $from, outcomes: $outcomes, at: $at, keys: $keys) {
    outcome durationSeconds silence unusedOutcomes transcript { offsetSeconds text }
  }
}`;

interface Arguments {
  readonly to: string;
  readonly from: string | null;
  readonly outcomes: string[];
  readonly at: string | null;
  /** At each menu or keyed number; '' for nothing. */
  readonly keys: string[];
}

interface Simulated {
  readonly outcome: string;
  readonly durationSeconds: number;
  readonly silence: boolean;
  readonly unusedOutcomes: string[];
  readonly transcript: { readonly offsetSeconds: number; readonly text: string }[];
}

class UsageError extends Error {}

export function parseArguments(argv: readonly string[]): Arguments {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const name = /^--(to|from|outcomes|at|keys)(?:=(.*))?$/.exec(argv[i]);
    if (!name) throw new UsageError(`unknown argument "${argv[i]}"`);
    const value = name[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name[1]} needs a value`);
    values.set(name[1], value);
  }
  const to = values.get('to');
  if (!to) throw new UsageError('--to is required');
  const outcomes = (values.get('outcomes') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  const keys = (values.get('keys') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '')
    .map((k) => (k === '-' ? '' : k));
  return { to, from: values.get('from') ?? null, outcomes, at: values.get('at') ?? null, keys };
}

/** One transcript line as printed: the seconds since the call arrived, then what happened. */
export function formatLine(line: { offsetSeconds: number; text: string }): string {
  return `${`+${line.offsetSeconds}s`.padStart(7)}  ${line.text}`;
}

async function simulate(url: string, apiKey: string, args: Arguments): Promise<Simulated> {
  const byNumber = /^\+?\d[\d\s().-]{5,}$/.test(args.to);
  const variables = {
    ...(byNumber ? { to: args.to } : { hotlineId: args.to }),
    from: args.from,
    outcomes: args.outcomes,
    at: args.at,
    keys: args.keys,
  };
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query: MUTATION, variables }),
  });
  const body = (await response.json().catch(() => null)) as {
    data?: { simulateCall?: Simulated };
    errors?: { message: string; extensions?: { field?: string } }[];
  } | null;
  const error = body?.errors?.[0];
  if (error) throw new Error(`${error.message}${error.extensions?.field ? ` (${error.extensions.field})` : ''}`);
  if (!body?.data?.simulateCall) throw new Error(`the gateway answered HTTP ${response.status} without a simulation`);
  return body.data.simulateCall;
}

async function main(): Promise<number> {
  let args: Arguments;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  const url = process.env.DUTYLINE_URL || 'http://localhost:3000/graphql';
  const apiKey = process.env.DUTYLINE_API_KEY;
  if (!apiKey) {
    process.stderr.write('Set DUTYLINE_API_KEY: the demo key `npm start` prints, or an admin or supervisor API key.\n');
    return 2;
  }
  try {
    const result = await simulate(url, apiKey, args);
    process.stdout.write(
      `${result.transcript.map(formatLine).join('\n')}\n\nOutcome: ${result.outcome}; the call lasted ${result.durationSeconds} s.\n`,
    );
    if (result.unusedOutcomes.length > 0) process.stdout.write(`Not needed: ${result.unusedOutcomes.join(', ')}\n`);
    if (result.silence) {
      process.stdout.write('The caller was left with nothing to hear at some point: please report it.\n');
      return 1;
    }
    return 0;
  } catch (error) {
    const reason =
      (error as Error).cause instanceof Error
        ? `${(error as Error).message}: ${((error as Error).cause as Error).message}`
        : (error as Error).message;
    process.stderr.write(`The call could not be simulated on ${url}: ${reason}\n`);
    return 1;
  }
}

if (require.main === module) void main().then((code) => process.exit(code));
