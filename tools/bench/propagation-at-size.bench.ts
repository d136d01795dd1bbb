// The propagation benchmark at size (issue #14): on the shared fleet (tools/fleet) in MariaDB
// (BENCH_DATABASE_URL, default mysql://root@127.0.0.1:3306/fleet) and Redis (REDIS_URL, keys under a
// prefix of the run's own), two gateway processes and two real worker processes, as a hosted service
// runs them. Both gateways are first warmed on WARM fleet hotlines (one answer each, caches full); then
// a child process sends LOAD_RATE answers a second to gateway two on other warmed hotlines while the
// trials run, one a second: on a fleet hotline picked at random (seeded), an override through GraphQL
// on gateway one (an API key of that account) puts someone else on duty, and gateway two is asked
// until it dials them; then the override is removed the same way and gateway two is asked until it
// dials the first person again. Each delay runs from the mutation's reply to the reply of the first
// answer that follows it. Goal: every one within 1 s. What the run added to the fleet is removed at the
// end: its overrides (through GraphQL), their audit entries, its API keys, its calls, its change-log
// topics, and the documents its workers stored (gap-alert state, shift-alert plans: put back as they were).
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDataSource, sqlRepositories } from '@dutyline/persistence';
import type { DataSource } from 'typeorm';
import { seededRandom, sample } from './support/domain-fixtures';
import {
  BENCH_SIGNATURE_SECRET,
  FLEET_COMMAND,
  FleetHotline,
  GatewayProcess,
  fleetDatabaseUrl,
  fleetHotlines,
  graphql,
  issueBenchApiKey,
  startGatewayProcess,
} from './support/gateway-process';
import { percentile, report, reportLoadAverage } from './support/measure';
import {
  AnswerProbe,
  CREATE_OVERRIDE,
  CreatedOverride,
  END_OVERRIDE,
  Followed,
  reportPropagation,
  timeToFollow,
} from './support/propagation-trials';
import type { SteadyAnswersReport, SteadyAnswersStart } from './support/steady-answers';
import { REDIS_URL, TS_RUN, WorkerProcess, dropKeys, startWorkerProcess, until } from './support/voicemail-bench-world';

const NAME = 'propagation-at-size';
const DATABASE_URL = fleetDatabaseUrl();
/** Hotlines whose override is added and removed (two delays each). */
const TRIALS = Number(process.env.BENCH_PROPAGATION_TRIALS ?? 20);
/** Fleet hotlines each gateway answers once before the trials. */
const WARM = Number(process.env.BENCH_PROPAGATION_WARM ?? 2000);
/** Answers a second to gateway two on other warmed hotlines during the trials. */
const LOAD_RATE = Number(process.env.BENCH_PROPAGATION_LOAD_RATE ?? 200);
const SEED = Number(process.env.BENCH_PROPAGATION_SEED ?? 1);
/** Trials start this far apart at least, so they run through a steady stretch of the load. */
const TRIAL_SPACING_MS = 1000;
/** An answer slower than this counts as failed (one that would have followed the change then counts late). */
const ANSWER_TIMEOUT_MS = 30_000;
/** A change not followed by then is counted as missed (and the next trial goes on). */
const FOLLOW_LIMIT_MS = 30_000;
const WARM_CONCURRENCY = 16;
const SECRET = BENCH_SIGNATURE_SECRET;

const loadAverage = () => reportLoadAverage(NAME);

async function openFleet(): Promise<DataSource> {
  const dataSource = createDataSource({ url: DATABASE_URL, poolSize: 4 });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(
      `the fleet database ${DATABASE_URL} cannot be opened (${String(error)}): create it and load a fleet with \`DATABASE_URL=${DATABASE_URL} ${FLEET_COMMAND}\`, or set BENCH_DATABASE_URL`,
    );
  }
  return dataSource;
}

/** The digits of each enabled number of each person of the account, by person id. */
async function numbersByPerson(dataSource: DataSource, accountId: string): Promise<Map<string, Set<string>>> {
  const rows = (await dataSource.query(
    'SELECT person_id AS personId, number FROM person_numbers WHERE account_id = ? AND enabled = 1',
    [accountId],
  )) as { personId: string; number: string }[];
  const people = new Map<string, Set<string>>();
  for (const { personId, number } of rows)
    people.set(personId, (people.get(personId) ?? new Set()).add(number.slice(1)));
  return people;
}

/**
 * The documents the workers store per hotline (the gap alerts' state from their sweep, the shift
 * alerts' plan): read before the run, put back after it (one the run created is deleted, one it
 * changed is written back as it was). Returns the put-back, which tells how many it touched.
 */
async function hotlineDocuments(dataSource: DataSource) {
  const read = (since = 0) =>
    dataSource.query(
      "SELECT account_id AS accountId, hotline_id AS hotlineId, kind, version, body, pending, updated_at AS updatedAt FROM hotline_documents WHERE account_id LIKE 'fleet-%' AND updated_at >= ?",
      [since],
    ) as Promise<HotlineDocumentRow[]>;
  const key = (row: HotlineDocumentRow) => `${row.accountId}\u0000${row.hotlineId}\u0000${row.kind}`;
  const before = new Map((await read()).map((row) => [key(row), row]));
  const since = Date.now();
  return async (): Promise<number> => {
    const touched = await read(since);
    const created = touched.filter((row) => !before.has(key(row)));
    for (let i = 0; i < created.length; i += 500) {
      const batch = created.slice(i, i + 500);
      await dataSource.query(
        `DELETE FROM hotline_documents WHERE (account_id, hotline_id, kind) IN (${batch.map(() => '(?, ?, ?)').join(', ')})`,
        batch.flatMap((row) => [row.accountId, row.hotlineId, row.kind]),
      );
    }
    for (const row of touched) {
      const was = before.get(key(row));
      if (was)
        await dataSource.query(
          'UPDATE hotline_documents SET version = ?, body = ?, pending = ?, updated_at = ? WHERE account_id = ? AND hotline_id = ? AND kind = ?',
          [was.version, was.body, was.pending, was.updatedAt, row.accountId, row.hotlineId, row.kind],
        );
    }
    return touched.length;
  };
}

interface HotlineDocumentRow {
  readonly accountId: string;
  readonly hotlineId: string;
  readonly kind: string;
  readonly version: number;
  readonly body: string;
  readonly pending: number;
  readonly updatedAt: string;
}

/** Deletes the calls whose carrier id starts with `uuidRoot` and the deliveries and links made for them; returns how many calls. */
async function removeCalls(dataSource: DataSource, uuidRoot: string): Promise<number> {
  let removed = 0;
  for (;;) {
    const ids = (
      (await dataSource.query("SELECT id FROM calls WHERE carrier = 'vonage' AND carrier_call_id LIKE ? LIMIT 1000", [
        `${uuidRoot}%`,
      ])) as { id: string }[]
    ).map((row) => row.id);
    if (ids.length === 0) return removed;
    for (const table of ['notification_deliveries', 'voicemail_links'])
      await dataSource.query(`DELETE FROM ${table} WHERE call_id IN (?)`, [ids]);
    await dataSource.query('DELETE FROM calls WHERE id IN (?)', [ids]);
    removed += ids.length;
  }
}

/** `answer(item)` for each item, `concurrency` at once. */
async function eachAtOnce<T>(items: readonly T[], concurrency: number, answer: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await answer(items[next++]);
    }),
  );
}

/** The steady answers (support/steady-answers.ts) in a process of their own; `stop` returns their report. */
function steadyAnswers(start: SteadyAnswersStart) {
  const child = fork(path.join(__dirname, 'support', 'steady-answers.ts'), [], { execArgv: ['-r', TS_RUN] });
  const reported = new Promise<SteadyAnswersReport>((resolve, reject) => {
    child.once('message', (message) => resolve(message as SteadyAnswersReport));
    child.once('exit', (code) => reject(new Error(`the steady answers exited with ${code} before reporting`)));
  });
  reported.catch(() => undefined);
  child.send(start);
  return {
    stop: async (): Promise<SteadyAnswersReport> => {
      child.send('stop');
      return reported;
    },
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

interface Trial {
  readonly hotline: FleetHotline;
  /** Who gateway two dials first before the override. */
  readonly before: string;
  readonly personId: string;
  readonly numbers: ReadonlySet<string>;
}

interface TrialOutcome {
  readonly followed: Followed[];
  /** The time of the last answer before each trial's change (the plan cached), in ms. */
  readonly warmAnswers: number[];
  /** The changes not followed within FOLLOW_LIMIT_MS, said how. */
  readonly missed: string[];
}

/**
 * An override on gateway one puts the trial's person on duty; gateway two is asked until it dials
 * them. Then the override is removed and gateway two asked until it dials who it did before. Each
 * override is in `overrides` until removed.
 */
async function runTrial(
  { hotline, before, personId, numbers }: Trial,
  context: {
    one: GatewayProcess;
    two: GatewayProcess;
    probe: AnswerProbe;
    apiKey: string;
    overrides: { accountId: string; hotlineId: string; id: string; start: string }[];
    outcome: TrialOutcome;
  },
): Promise<void> {
  const { one, two, probe, apiKey, overrides, outcome } = context;
  // Warm: the plan is cached on gateway two; the last of these answers is the trial's warm answer time.
  let warmMs = 0;
  for (let i = 0; i < 3; i++) {
    const asked = performance.now();
    await probe.firstDialled(two, hotline.number);
    warmMs = performance.now() - asked;
  }
  outcome.warmAnswers.push(warmMs);
  const answer = () => probe.firstDialled(two, hotline.number);
  const followed = async (
    what: string,
    change: () => Promise<unknown>,
    follows: (number: string | null) => boolean,
  ) => {
    try {
      const result = await timeToFollow(what, { change, answer, follows, limitMs: FOLLOW_LIMIT_MS });
      outcome.followed.push(result);
      const [delay, answered] = [result.delayMs.toFixed(0), result.answerMs.toFixed(0)];
      console.log(`# ${NAME}: ${what}: ${delay} ms (that answer ${answered} ms, ${result.polls} asked)`);
      return true;
    } catch (error) {
      outcome.missed.push((error as Error).message);
      return false;
    }
  };
  const added = await followed(
    `${hotline.id}: gateway two dialling ${personId}`,
    async () => {
      const { createOverride } = await graphql<CreatedOverride>(one, {
        apiKey,
        query: CREATE_OVERRIDE,
        variables: {
          input: {
            hotlineId: hotline.id,
            assignees: [{ kind: 'PERSON', id: personId }],
            end: new Date(Date.now() + 3_600_000).toISOString(),
          },
        },
      });
      overrides.push({ accountId: hotline.accountId, hotlineId: hotline.id, ...createOverride.override });
    },
    (number) => number !== null && numbers.has(number),
  );
  const override = overrides[overrides.length - 1];
  const remove = async () => {
    await graphql(one, {
      apiKey,
      query: END_OVERRIDE,
      variables: { input: { hotlineId: hotline.id, id: override.id, at: override.start } },
    });
    overrides.pop();
  };
  // Not followed: the removal is not timed (gateway two may never have shown the override).
  if (!added) return void (await remove());
  await followed(`${hotline.id}: gateway two back to ${before}`, remove, (number) => number === before);
}

async function main(): Promise<void> {
  const dataSource = await openFleet();
  const tag = randomBytes(3).toString('hex');
  const uuidRoot = `propsize-${tag}-`;
  const prefix = `bench-propagation-at-size-${tag}`;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dutyline-bench-propagation-'));
  const apiKeys = new Map<string, { id: string; key: string }>();
  const overrides: { accountId: string; hotlineId: string; id: string; start: string }[] = [];
  /** The hotlines whose overrides the run changed (their topics in the change log). */
  const changed: string[] = [];
  const startedAt = Date.now();
  const gateways: GatewayProcess[] = [];
  const workers: WorkerProcess[] = [];
  let load: ReturnType<typeof steadyAnswers> | undefined;
  let putBackDocuments: (() => Promise<number>) | undefined;
  try {
    const random = seededRandom(SEED);
    const hotlines = sample(random, await fleetHotlines(dataSource), Number.MAX_SAFE_INTEGER);
    // Trial hotlines come first in the shuffled fleet; the steady answers go to the other warmed ones
    // (as to a service in its steady state, where most calls are to hotlines called before).
    const candidates = hotlines.slice(0, Math.min(hotlines.length / 2, TRIALS * 4));
    const warmed = hotlines.slice(0, Math.max(Math.min(WARM, hotlines.length), candidates.length + 1));
    const others = warmed.slice(candidates.length);
    report(NAME, { metric: 'fleet-hotlines', value: hotlines.length, unit: 'count' });
    putBackDocuments = await hotlineDocuments(dataSource);

    const env = {
      DATABASE_URL,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      AUTH_SECRET: 'bench-auth-secret-0123456789abcdefghij',
      VONAGE_SIGNATURE_SECRET: SECRET,
    };
    gateways.push(await startGatewayProcess('one', env), await startGatewayProcess('two', env));
    const [one, two] = gateways;
    for (const n of [0, 1])
      workers.push(
        startWorkerProcess(
          { REDIS_PREFIX: prefix, DATABASE_URL, DATA_DIR: path.join(folder, `worker-${n}`), LOG_LEVEL: 'info' },
          { logFile: path.join(folder, `worker-${n}.log`) },
        ),
      );
    await until(() => workers.every((worker) => worker.ready()), 180_000, 'the workers');

    const probe = new AnswerProbe({ secret: SECRET, uuidPrefix: `${uuidRoot}p`, timeoutMs: ANSWER_TIMEOUT_MS });
    let started = performance.now();
    await Promise.all(
      gateways.map((gateway) =>
        eachAtOnce(warmed, WARM_CONCURRENCY, (hotline) => probe.firstDialled(gateway, hotline.number)),
      ),
    );
    report(NAME, { metric: 'warm-answers', value: probe.sent, unit: 'count' });
    report(NAME, { metric: 'warm-time', value: (performance.now() - started) / 1000, unit: 's' });
    for (const gateway of gateways)
      report(NAME, { metric: `rss-${gateway.name}-warm`, value: gateway.rssMegabytes(), unit: 'MB' });

    load = steadyAnswers({
      url: two.url,
      rate: LOAD_RATE,
      secret: SECRET,
      uuidPrefix: `${uuidRoot}l`,
      numbers: others.map((hotline) => hotline.number),
    });
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the load under way
    loadAverage();

    started = performance.now();
    const outcome: TrialOutcome = { followed: [], warmAnswers: [], missed: [] };
    const cpuBefore = two.cpuMillis();
    let tried = 0;
    for (const hotline of candidates) {
      if (tried >= TRIALS) break;
      const trial = await trialOn(hotline, { dataSource, probe, two, random });
      if (!trial) continue;
      tried += 1;
      changed.push(hotline.id);
      let key = apiKeys.get(hotline.accountId);
      if (!key) {
        const id = `${uuidRoot}${hotline.accountId}`;
        key = {
          id,
          key: await issueBenchApiKey(sqlRepositories(dataSource).apiKeys, { id, accountId: hotline.accountId }),
        };
        apiKeys.set(hotline.accountId, key);
      }
      const trialStarted = performance.now();
      await runTrial(trial, { one, two, probe, apiKey: key.key, overrides, outcome }).catch((error: unknown) =>
        outcome.missed.push(`${hotline.id}: the trial failed: ${String(error)}`),
      );
      await new Promise((resolve) => setTimeout(resolve, TRIAL_SPACING_MS - (performance.now() - trialStarted)));
    }
    const trialsMs = performance.now() - started;
    report(NAME, { metric: 'trials-time', value: trialsMs / 1000, unit: 's' });
    // 1: gateway two used one core all along (it runs on one thread, GC helpers aside).
    report(NAME, { metric: 'gateway-two-cpu-share', value: (two.cpuMillis() - cpuBefore) / trialsMs, unit: '' });
    const warmAnswers = [...outcome.warmAnswers].sort((a, b) => a - b);
    report(NAME, { metric: 'warm-answer-median', value: percentile(warmAnswers, 50), unit: 'ms' });
    report(NAME, { metric: 'warm-answer-max', value: warmAnswers[warmAnswers.length - 1], unit: 'ms' });
    loadAverage();
    const background = await load.stop();
    load = undefined;
    report(NAME, { metric: 'load-rate', value: background.answered / background.seconds, unit: 'answers/s' });
    report(NAME, { metric: 'load-p50', value: background.p50, unit: 'ms' });
    report(NAME, { metric: 'load-p99', value: background.p99, unit: 'ms' });
    report(NAME, { metric: 'load-failed', value: background.failed + background.skipped, unit: 'count' });
    if (background.firstError) console.log(`# ${NAME}: first failed load answer: ${background.firstError}`);
    for (const gateway of gateways)
      report(NAME, { metric: `rss-${gateway.name}`, value: gateway.rssMegabytes(), unit: 'MB' });
    if (tried < TRIALS) throw new Error(`only ${tried} of ${candidates.length} hotlines tried could take a trial`);
    for (const missed of outcome.missed) console.log(`# ${NAME}: ${missed}`);
    reportPropagation(NAME, outcome.followed, { unfollowed: outcome.missed.length });
  } finally {
    load?.kill();
    await Promise.all([...gateways, ...workers].map((process) => process.stop()));
    await cleanUp(dataSource, {
      overrides,
      apiKeys,
      uuidRoot,
      putBackDocuments,
      changeLog: { since: startedAt, hotlineIds: changed },
    });
    await dropKeys(prefix);
    await dataSource.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * What a trial on `hotline` needs: who gateway two dials first now, and someone else of the account
 * with a number to put on duty; null when it dials nobody now (outside its service hours, say).
 */
async function trialOn(
  hotline: FleetHotline,
  {
    dataSource,
    probe,
    two,
    random,
  }: { dataSource: DataSource; probe: AnswerProbe; two: GatewayProcess; random: () => number },
): Promise<Trial | null> {
  const before = await probe.firstDialled(two, hotline.number);
  if (before === null) return null;
  const people = [...(await numbersByPerson(dataSource, hotline.accountId))].filter(
    ([, numbers]) => !numbers.has(before),
  );
  if (people.length === 0) return null;
  const [personId, numbers] = people[Math.floor(random() * people.length)];
  return { hotline, before, personId, numbers };
}

async function cleanUp(
  dataSource: DataSource,
  {
    overrides,
    apiKeys,
    uuidRoot,
    putBackDocuments,
    changeLog,
  }: {
    overrides: readonly { accountId: string; hotlineId: string; id: string }[];
    apiKeys: ReadonlyMap<string, { id: string }>;
    uuidRoot: string;
    putBackDocuments?: () => Promise<number>;
    /** The announcements of the run's changes (kept 10 minutes by the gateways that read them). */
    changeLog: { since: number; hotlineIds: readonly string[] };
  },
): Promise<void> {
  const schedules = sqlRepositories(dataSource).schedule;
  for (const { accountId, hotlineId, id } of overrides) await schedules.deleteOverride(accountId, hotlineId, id);
  const keys = [...apiKeys].map(([accountId, { id }]) => ({ accountId, id }));
  for (const { accountId, id } of keys) {
    await dataSource.query("DELETE FROM audit_log WHERE account_id = ? AND actor_kind = 'api-key' AND actor_id = ?", [
      accountId,
      id,
    ]);
    await dataSource.query('DELETE FROM api_keys WHERE account_id = ? AND id = ?', [accountId, id]);
  }
  // Where each answer's plan came from: `last-known` is the fallback when planning overran the answer's budget.
  for (const [who, prefix] of [
    ['trials', 'p'],
    ['load', 'l'],
  ])
    for (const { source, calls } of (await dataSource.query(
      "SELECT JSON_VALUE(document, '$.planSource') AS source, COUNT(*) AS calls FROM calls WHERE carrier = 'vonage' AND carrier_call_id LIKE ? GROUP BY source",
      [`${uuidRoot}${prefix}%`],
    )) as { source: string; calls: string }[])
      report(NAME, { metric: `${who}-plans-${source}`, value: Number(calls), unit: 'count' });
  report(NAME, { metric: 'removed-calls', value: await removeCalls(dataSource, uuidRoot), unit: 'count' });
  if (changeLog.hotlineIds.length > 0)
    await dataSource.query('DELETE FROM change_log WHERE created_at >= ? AND topic IN (?)', [
      changeLog.since,
      changeLog.hotlineIds.map((id) => `hotline:${id}`),
    ]);
  if (putBackDocuments)
    report(NAME, { metric: 'hotline-documents-put-back', value: await putBackDocuments(), unit: 'count' });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
