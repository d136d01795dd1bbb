// How soon a schedule change made on one gateway instance is followed by the answer webhook of
// another: two gateway processes on the same MariaDB (BENCH_DATABASE_URL, default the local test
// database) and Redis (REDIS_URL). Each trial puts someone else on duty with an override through
// GraphQL on instance 1 (API key), then polls GET /vonage/answer on instance 2 (signed) until the
// NCCO dials that person. The delay runs from the mutation's reply (the change is committed) to the
// reply of the first answer that follows it. Instance 2's caches are warm before each trial.
import { randomBytes } from 'node:crypto';
import { Person } from '@dutyline/domain';
import { signVonageWebhook } from '@dutyline/vonage/testing';
import {
  GatewayProcess,
  answerQuery,
  benchDatabaseUrl,
  graphql,
  removeBenchAccount,
  seedBenchAccount,
  startGatewayProcess,
} from './support/gateway-process';
import { goal, percentile, report } from './support/measure';

const NAME = 'propagation';
const TRIALS = Number(process.env.BENCH_PROPAGATION_TRIALS ?? 9);
const GOAL_MS = 1000;
/** A trial gives up after this long or this many polls. */
const TRIAL_LIMIT = { ms: 5000, polls: 5000 };
const SECRET = 'bench-signature-secret-0123456789';
const DATABASE_URL = benchDatabaseUrl();
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const CREATE_OVERRIDE = `mutation ($input: CreateOverrideInput!) { createOverride(input: $input) { override { id } } }`;

let calls = 0;

/** Who the answer webhook of `gateway` dials first now: the digits of the number in its first connect. */
async function firstDialled(gateway: GatewayProcess, hotlineNumber: string): Promise<string | null> {
  const uuid = `${randomBytes(4).toString('hex')}-prop-4000-8000-${String(++calls).padStart(12, '0')}`;
  const query = answerQuery(hotlineNumber, `+3369${String(calls).padStart(8, '0')}`, uuid);
  const token = signVonageWebhook({ secret: SECRET, issuedAt: Date.now(), rawQuery: query });
  const response = await fetch(`${gateway.url}/vonage/answer?${query}`, {
    headers: { authorization: token },
    signal: AbortSignal.timeout(2000),
  });
  const ncco = (await response.json()) as { action: string; endpoint?: { number?: string }[] }[];
  const connect = ncco.find((action) => action.action === 'connect');
  return connect?.endpoint?.[0]?.number?.replace(/^\+/, '') ?? null;
}

const digitsOf = (person: Person) => person.contactNumbers[0].number.e164.slice(1);

async function main(): Promise<void> {
  const account = await seedBenchAccount(DATABASE_URL);
  const hotlineNumber = account.hotline.number.e164;
  const env = {
    DATABASE_URL,
    REDIS_URL,
    REDIS_PREFIX: `bench-propagation-${Date.now().toString(36)}`,
    AUTH_SECRET: 'bench-auth-secret-0123456789abcdefghij',
    VONAGE_SIGNATURE_SECRET: SECRET,
  };
  const gateways: GatewayProcess[] = [];
  try {
    gateways.push(await startGatewayProcess('one', env), await startGatewayProcess('two', env));
    const [one, two] = gateways;
    const delays: number[] = [];
    const pollsNeeded: number[] = [];
    let onDuty = account.alice;
    if ((await firstDialled(two, hotlineNumber)) !== digitsOf(onDuty))
      throw new Error(`instance two does not route to Alice at the start:\n${two.tail()}`);
    for (let trial = 0; trial < TRIALS; trial++) {
      const next = onDuty === account.alice ? account.bob : account.alice;
      for (let i = 0; i < 3; i++) await firstDialled(two, hotlineNumber); // warm: the plan is cached on instance two
      await graphql(one, {
        apiKey: account.apiKey,
        query: CREATE_OVERRIDE,
        variables: {
          input: {
            hotlineId: account.hotline.id,
            assignees: [{ kind: 'PERSON', id: next.id }],
            end: new Date(Date.now() + 3_600_000).toISOString(),
          },
        },
      });
      const committed = performance.now();
      let followedAt: number | null = null;
      for (let polls = 0; polls < TRIAL_LIMIT.polls && performance.now() - committed < TRIAL_LIMIT.ms; polls++) {
        if ((await firstDialled(two, hotlineNumber)) === digitsOf(next)) {
          followedAt = performance.now();
          pollsNeeded.push(polls + 1);
          break;
        }
      }
      if (followedAt === null)
        throw new Error(`trial ${trial + 1}: instance two still did not dial ${next.name} after ${TRIAL_LIMIT.ms} ms`);
      delays.push(followedAt - committed);
      onDuty = next;
    }
    const sorted = [...delays].sort((a, b) => a - b);
    const [median, max] = [percentile(sorted, 50), sorted[sorted.length - 1]];
    report(NAME, { metric: 'trials', value: delays.length, unit: 'count' });
    report(NAME, { metric: 'median', value: median, unit: 'ms' });
    report(NAME, { metric: 'max', value: max, unit: 'ms' });
    report(NAME, { metric: 'min', value: sorted[0], unit: 'ms' });
    // 1: the very first answer after the mutation's reply already followed the change.
    report(NAME, {
      metric: 'polls-median',
      value: percentile(
        [...pollsNeeded].sort((a, b) => a - b),
        50,
      ),
      unit: 'count',
    });
    report(NAME, { metric: 'polls-max', value: Math.max(...pollsNeeded), unit: 'count' });
    goal(NAME, `every trial followed within ${GOAL_MS} ms (max)`, max <= GOAL_MS);
  } finally {
    for (const gateway of gateways) await gateway.stop();
    await removeBenchAccount(DATABASE_URL, account.accountId);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
