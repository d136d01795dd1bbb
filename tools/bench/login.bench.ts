// A login against a real gateway (SQLite, the demo admin) at the production scrypt cost, N = 2^17,
// r = 8, p = 1 (128 MiB a hash): the latency of one login alone, then of the last of 8 arriving
// together, which the gateway hashes 2 at a time so that its memory grows by about 2 × 128 MiB
// however many arrive.
import { goal, percentile, report } from './support/measure';
import { startGatewayProcess } from './support/gateway-process';

const NAME = 'login';
const ALONE = 7;
const TOGETHER = 8;
const MEDIAN_GOAL_MS = 1000;
/** Two hashes at 128 MiB each, and room for the rest. */
const RSS_GROWTH_GOAL_MB = 2 * 128 + 64;
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

async function main(): Promise<void> {
  // The demo admin's attempts are counted before each check: 8 at once need a limit above 5.
  const gateway = await startGatewayProcess(NAME, { DEMO_SEED: 'true', LOGIN_MAX_FAILURES: '100' });
  try {
    const admin = await demoAdmin(gateway.tail);
    const login = async () => {
      const start = process.hrtime.bigint();
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: LOGIN, variables: admin }),
      });
      const body = (await response.json()) as { data?: { login?: { token?: string } }; errors?: unknown };
      if (!body.data?.login?.token) throw new Error(`login refused: ${JSON.stringify(body.errors)}`);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };

    await login();
    const alone: number[] = [];
    for (let i = 0; i < ALONE; i++) alone.push(await login());
    alone.sort((a, b) => a - b);

    const rssBefore = gateway.rssMegabytes();
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, gateway.rssMegabytes())), 10);
    const together = (await Promise.all(Array.from({ length: TOGETHER }, login))).sort((a, b) => a - b);
    clearInterval(sampler);

    const median = percentile(alone, 50);
    report(NAME, { metric: 'median', value: median, unit: 'ms' });
    report(NAME, { metric: 'max', value: alone[alone.length - 1], unit: 'ms' });
    report(NAME, { metric: `together-${TOGETHER}-last`, value: together[together.length - 1], unit: 'ms' });
    report(NAME, { metric: 'rss-growth', value: rssPeak - rssBefore, unit: 'MB' });
    goal(NAME, `median <= ${MEDIAN_GOAL_MS} ms`, median <= MEDIAN_GOAL_MS);
    goal(
      NAME,
      `RSS growth with ${TOGETHER} logins together <= ${RSS_GROWTH_GOAL_MB} MB`,
      rssPeak - rssBefore <= RSS_GROWTH_GOAL_MB,
    );
  } finally {
    await gateway.stop();
  }
}

/** The demo admin's e-mail and password, as the gateway prints them once the demo account is seeded. */
async function demoAdmin(tail: (lines?: number) => string): Promise<{ email: string; password: string }> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    const printed = /Demo admin: (\S+) \/ (\S+)/.exec(tail(200));
    if (printed) return { email: printed[1], password: printed[2] };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the gateway printed no demo admin:\n${tail()}`);
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
