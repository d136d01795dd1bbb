import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../database/database.module';
import { type GatewayHarness, type GraphQLAnswer, type TestAccount, startGateway } from './gateway-harness';

/** GraphQL documents the feature tests share: what a frontend would send. */
export const GQL = {
  CREATE_PERSON:
    'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id name colour email contactNumbers { number label ringTimeoutSeconds enabled } } }',
  CREATE_TEAM:
    'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id name colour memberIds members { id name } } }',
  CREATE_HOTLINE:
    'mutation($input: CreateHotlineInput!) { createHotline(input: $input) { id name number timeZone supervisorIds } }',
  CREATE_SLOTS:
    'mutation($input: CreateSlotsInput!) { createSlots(input: $input) { version added { id start end startsAt endsAt durationMinutes assignees { level kind id } } updated { id start end } removedIds } }',
  SCHEDULE:
    'query($h: ID!, $from: String!, $to: String!) { schedule(hotlineId: $h, from: $from, to: $to) { version slots { id start end startsAt endsAt durationMinutes assignees { level kind id } } } }',
  CREATE_OVERRIDE:
    'mutation($input: CreateOverrideInput!) { createOverride(input: $input) { override { id start end level reason assignees { kind id } } } }',
  CREATE_PATTERN:
    'mutation($input: CreatePatternInput!) { createPattern(input: $input) { id name builtIn windows { days start end endDayOffset } } }',
  ON_CALL:
    'query($h: ID!, $at: Instant) { onCallNow(hotlineId: $h, at: $at) { at slotId overrideIds nextChangeAt levels { level kind id person { name } team { name } } } }',
};

/** The codes of an answer's errors, in order. */
export const codesOf = (answer: GraphQLAnswer): unknown[] => (answer.body.errors ?? []).map((e) => e.extensions?.code);

/** Error answers are never 500s, never carry a stack. */
export function expectCleanError(answer: GraphQLAnswer): void {
  expect(answer.status).not.toBe(500);
  expect(answer.body.errors?.length).toBeGreaterThan(0);
  expect(JSON.stringify(answer.body)).not.toMatch(/stacktrace|\n\s+at |\.ts:\d+|INTERNAL_SERVER_ERROR/);
}

/** The data of a successful answer; any error fails the test with its content. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function dataOf(answer: Promise<GraphQLAnswer>): Promise<any> {
  const { body } = await answer;
  if (body.errors) throw new Error(`expected data, got ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * A French fixed-line number no other test run uses: hotline numbers are unique across accounts and
 * the MariaDB database outlives a run.
 */
export const freshHotlineNumber = (): string => `+331${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

export interface SampleAccount {
  readonly account: TestAccount;
  readonly hotlineId: string;
  readonly hotlineNumber: string;
  readonly alice: string;
  readonly bob: string;
  readonly carol: string;
  readonly crew: string;
}

/** Three people with a mobile each, a team (Bob, Carol) and a Paris hotline supervised by Alice, through GraphQL. */
export async function seedSample(gateway: GatewayHarness, account: TestAccount): Promise<SampleAccount> {
  const token = account.tokens.supervisor;
  const person = async (name: string, mobile: string) =>
    (
      await dataOf(
        gateway.graphql(
          GQL.CREATE_PERSON,
          { input: { name, contactNumbers: [{ number: mobile, label: 'mobile' }] } },
          { token },
        ),
      )
    ).createPerson.id as string;
  const alice = await person('Alice', '+33612345601');
  const bob = await person('Bob', '+33612345602');
  const carol = await person('Carol', '+33612345603');
  const crew = (
    await dataOf(gateway.graphql(GQL.CREATE_TEAM, { input: { name: 'Crew', memberIds: [bob, carol] } }, { token }))
  ).createTeam.id as string;
  const hotlineNumber = freshHotlineNumber();
  const input = { name: 'Maintenance', number: hotlineNumber, timeZone: 'Europe/Paris', supervisorIds: [alice] };
  const hotlineId = (await dataOf(gateway.graphql(GQL.CREATE_HOTLINE, { input }, { token }))).createHotline
    .id as string;
  return { account, hotlineId, hotlineNumber, alice, bob, carol, crew };
}

/** Counts the SQL statements the gateway sends while `run` runs (TypeORM's logger sees every one). */
export async function countingQueries<T>(
  gateway: GatewayHarness,
  run: () => Promise<T>,
): Promise<{ result: T; queries: string[] }> {
  const dataSource = gateway.app.get<DataSource>(DATA_SOURCE);
  const original = dataSource.logger;
  const queries: string[] = [];
  const counting = new Proxy(original, {
    get: (target, property, receiver) =>
      property === 'logQuery'
        ? (query: string, ...rest: unknown[]) => {
            queries.push(query);
            return (target.logQuery as (...args: unknown[]) => unknown).call(target, query, ...rest);
          }
        : Reflect.get(target, property, receiver),
  });
  Object.defineProperty(dataSource, 'logger', { value: counting, configurable: true, writable: true });
  try {
    return { result: await run(), queries };
  } finally {
    Object.defineProperty(dataSource, 'logger', { value: original, configurable: true, writable: true });
  }
}

/** What a feature test block works with: its gateway, one account, maybe its sample directory. */
export interface FeatureGateway {
  readonly gateway: GatewayHarness;
  readonly account: TestAccount;
  /** Set when asked for with `sample: true`. */
  readonly sample: SampleAccount;
  /** A GraphQL call as the account's supervisor. */
  as(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer>;
}

/** Starts a gateway on `database` with a fresh account before the block's tests, closes it after. */
export function featureGateway(
  database: 'sqlite' | 'mariadb',
  options: { readonly sample?: boolean } = {},
): FeatureGateway {
  const context = {
    as: (query: string, variables: Record<string, unknown> = {}) =>
      context.gateway.graphql(query, variables, { token: context.account.tokens.supervisor }),
  } as { -readonly [K in keyof FeatureGateway]: FeatureGateway[K] };
  beforeAll(async () => {
    context.gateway = await startGateway({ database });
    context.account = await context.gateway.newAccount();
    if (options.sample) context.sample = await seedSample(context.gateway, context.account);
  }, 60_000);
  afterAll(() => context.gateway?.close());
  return context;
}
