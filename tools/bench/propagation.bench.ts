// How soon a schedule change made on one gateway instance is followed by the answer webhook of
// another: two gateway processes on the same MariaDB (BENCH_DATABASE_URL, default the local test
// database) and Redis (REDIS_URL). Each trial puts someone else on duty with an override through
// GraphQL on instance 1 (API key), then polls GET /vonage/answer on instance 2 (signed) until the
// NCCO dials that person. The delay runs from the mutation's reply (the change is committed) to the
// reply of the first answer that follows it. Instance 2's caches are warm before each trial.
// `propagation-at-size` does the same on the shared fleet, under load, with workers.
import { randomBytes } from 'node:crypto';
import { Person } from '@dutyline/domain';
import {
  BENCH_SIGNATURE_SECRET,
  GatewayProcess,
  benchDatabaseUrl,
  graphql,
  removeBenchAccount,
  seedBenchAccount,
  startGatewayProcess,
} from './support/gateway-process';
import { AnswerProbe, CREATE_OVERRIDE, Followed, reportPropagation, timeToFollow } from './support/propagation-trials';

const NAME = 'propagation';
const TRIALS = Number(process.env.BENCH_PROPAGATION_TRIALS ?? 9);
const SECRET = BENCH_SIGNATURE_SECRET;
const DATABASE_URL = benchDatabaseUrl();
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

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
  const probe = new AnswerProbe({ secret: SECRET, uuidPrefix: `${randomBytes(4).toString('hex')}-prop-4000-8000-` });
  const gateways: GatewayProcess[] = [];
  try {
    gateways.push(await startGatewayProcess('one', env), await startGatewayProcess('two', env));
    const [one, two] = gateways;
    const results: Followed[] = [];
    let onDuty = account.alice;
    if ((await probe.firstDialled(two, hotlineNumber)) !== digitsOf(onDuty))
      throw new Error(`instance two does not route to Alice at the start:\n${two.tail()}`);
    for (let trial = 0; trial < TRIALS; trial++) {
      const next = onDuty === account.alice ? account.bob : account.alice;
      for (let i = 0; i < 3; i++) await probe.firstDialled(two, hotlineNumber); // warm: the plan is cached on instance two
      results.push(
        await timeToFollow(`trial ${trial + 1}: instance two dialling ${next.name}`, {
          change: () =>
            graphql(one, {
              apiKey: account.apiKey,
              query: CREATE_OVERRIDE,
              variables: {
                input: {
                  hotlineId: account.hotline.id,
                  assignees: [{ kind: 'PERSON', id: next.id }],
                  end: new Date(Date.now() + 3_600_000).toISOString(),
                },
              },
            }),
          answer: () => probe.firstDialled(two, hotlineNumber),
          follows: (dialled) => dialled === digitsOf(next),
        }),
      );
      onDuty = next;
    }
    reportPropagation(NAME, results);
  } finally {
    for (const gateway of gateways) await gateway.stop();
    await removeBenchAccount(DATABASE_URL, account.accountId);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
