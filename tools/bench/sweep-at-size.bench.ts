// The gap sweep at size (issue #14): every hotline of the shared fleet checked 14 days ahead by the real
// worker process(es), BullMQ under a prefix of the run's own, gap alerts e-mailed to a local SMTP sink.
// Starting a worker makes every hotline's check due at once (its reconcile pass enqueues the current
// period's `gaps.check` of each, as in production); a run lasts from the first worker's start to the last
// check done, as its log lines tell. One worker, then two; then two with one SIGKILLed a third of the way
// through: every hotline checked, no alert sent twice beyond ADR 0006's window, and the time the other
// took to pick up the killed worker's jobs (their BullMQ locks expire). The database statements per
// hotline are what the workers sent over the run (their `dutyline_db_statements_total`, start included),
// beside the exact count of one check made in this process on a sample of hotlines.
// The gap-alert state the runs write (and nothing else of the fleet) is deleted after each run.
// Needs the fleet (`npm run fleet`, BENCH_DATABASE_URL, default mysql://root@127.0.0.1:3306/fleet) and Redis.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CoverageQueries,
  DocumentGapAlertStates,
  DocumentNotificationSettings,
  GapAlerts,
} from '@dutyline/application';
import { SmtpSink } from '@dutyline/mail/testing';
import { SqlHotlineDocuments, createDataSource, sqlRepositories } from '@dutyline/persistence';
import { Redis } from 'ioredis';
import { Connection, RowDataPacket, createConnection } from 'mysql2/promise';
import { FLEET_COMMAND, fleetDatabaseUrl } from './support/gateway-process';
import { goal, report, reportLoadAverage } from './support/measure';
import { REDIS_URL, dropKeys, startWorkerProcess } from './support/voicemail-bench-world';

const NAME = 'sweep-at-size';
const DATABASE_URL = fleetDatabaseUrl();
const CONCURRENCY = Number(process.env.BENCH_SWEEP_CONCURRENCY ?? 10);
/** Hotlines whose check this process runs once, counting its statements. */
const SAMPLE = Number(process.env.BENCH_SWEEP_SAMPLE ?? 200);
/** `0` leaves out the run with a worker killed. */
const KILL_RUN = process.env.BENCH_SWEEP_KILL !== '0';
const SWEEP_TIMEOUT_MS = 40 * 60_000;
const FROM = 'gaps@dutyline.test';
const GOAL_SECONDS = 60;
const GOAL_SPEED_UP = 1.7;
/** The documents a worker writes per hotline: the gap-alert state, and the shift-alert plan its start makes. */
const WORKER_DOCUMENTS = ['gap-alerts', 'shift-alert-plan'];
const workerDocuments = (db: Connection) =>
  db.query<RowDataPacket[]>('SELECT kind, account_id, hotline_id FROM hotline_documents WHERE kind IN (?)', [
    WORKER_DOCUMENTS,
  ]);

const loadAverage = () => reportLoadAverage(NAME);

/** A check done, as a worker logged it. */
interface CheckDone {
  readonly hotline: string;
  readonly at: number;
  readonly notices: readonly string[];
}

/** A worker's log file, read as it grows: its start and every `gaps.check` it finished. */
class WorkerLog {
  startedAt: number | null = null;
  metricsPort: number | null = null;
  /** Statements sent by the worker, as its metrics said last. */
  statements = 0;
  readonly done: CheckDone[] = [];
  failed = 0;
  private offset = 0;
  private partial = '';

  /** `checked` gets each hotline whose check is done, from every worker's log. */
  constructor(
    readonly file: string,
    private readonly checked: Set<string>,
  ) {}

  poll(): void {
    const size = fs.statSync(this.file).size;
    if (size <= this.offset) return;
    const buffer = Buffer.alloc(size - this.offset);
    const fd = fs.openSync(this.file, 'r');
    fs.readSync(fd, buffer, 0, buffer.length, this.offset);
    fs.closeSync(fd);
    this.offset = size;
    const lines = (this.partial + buffer.toString('utf8')).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.take(line);
  }

  /** CPU time (user + system) the worker used so far, in ms, from Linux's `/proc`. */
  cpuMillis = 0;

  /** Reads the worker's statement count from its metrics and its CPU time (kept as they were when it is gone). */
  async scrape(pid: number | undefined): Promise<void> {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      this.cpuMillis = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime at 100 ticks/s
    } catch {
      // gone: the last figure stays
    }
    if (this.metricsPort === null) return;
    const text = await fetch(`http://127.0.0.1:${this.metricsPort}/metrics`)
      .then((response) => response.text())
      .catch(() => '');
    const counts = [...text.matchAll(/^dutyline_db_statements_total\{kind="\w+"\} (\d+)$/gm)];
    if (counts.length > 0) this.statements = counts.reduce((sum, match) => sum + Number(match[1]), 0);
  }

  private take(line: string): void {
    if (!line.startsWith('{')) return;
    const entry = JSON.parse(line) as { time: string; msg: string; jobId?: string; sent?: string[]; port?: number };
    if (entry.msg === 'starting') this.startedAt ??= Date.parse(entry.time);
    if (entry.msg === 'metrics served') this.metricsPort = entry.port ?? null;
    if (entry.msg === 'gaps.check failed') this.failed += 1;
    if (entry.msg !== 'gaps.check done' || !entry.jobId) return;
    // `gaps:<account>:<hotline>:<period>`
    const [, account, hotline] = entry.jobId.split(':');
    this.done.push({ hotline: `${account}/${hotline}`, at: Date.parse(entry.time), notices: entry.sent ?? [] });
    this.checked.add(`${account}/${hotline}`);
  }
}

interface Fleet {
  readonly db: Connection;
  readonly sink: SmtpSink;
  readonly hotlines: number;
  /** The workers' documents there before the benchmark (kept). */
  readonly documentsBefore: ReadonlySet<string>;
}

interface SweepReport {
  readonly seconds: number;
  readonly checked: number;
  readonly checks: number;
  readonly failed: number;
  readonly notices: number;
  readonly mails: number;
  readonly mailsTwice: number;
  /** Sent by the workers, from their start (a killed one: until its last scrape, at most 2 s before). */
  readonly statements: number;
  /** The workers' CPU time, from their start, in ms (the same way). */
  readonly cpuMillis: number;
  readonly killed?: { readonly checkedBefore: number; readonly pickUpSeconds: number; readonly orphans: number };
}

const documentKey = (row: RowDataPacket) => `${row.kind}/${row.account_id}/${row.hotline_id}`;

/**
 * Deletes the workers' documents written since the benchmark began (those there before are left), so
 * each run announces every gap anew and the next benchmark starts the same. A worker of another
 * process on the same fleet meanwhile would lose its new ones too (its next check announces again).
 */
async function forgetAlerts(fleet: Fleet): Promise<number> {
  const [rows] = await workerDocuments(fleet.db);
  const ours = rows.filter((row) => !fleet.documentsBefore.has(documentKey(row)));
  for (let i = 0; i < ours.length; i += 500) {
    const batch = ours.slice(i, i + 500);
    await fleet.db.query(
      `DELETE FROM hotline_documents WHERE (kind, account_id, hotline_id) IN (${batch.map(() => '(?, ?, ?)').join(', ')})`,
      batch.flatMap((row) => [row.kind, row.account_id, row.hotline_id]),
    );
  }
  return ours.length;
}

/** The jobs BullMQ holds as running, by id (both workers' right after a kill). */
async function activeJobs(prefix: string): Promise<string[]> {
  const redis = new Redis(REDIS_URL);
  try {
    return await redis.lrange(`${prefix}:gaps.check:active`, 0, -1);
  } finally {
    await redis.quit();
  }
}

/** `workers` worker processes sweep the fleet; with `killAfter`, the first is SIGKILLed once that share is checked. */
async function sweep(
  fleet: Fleet,
  { workers, killAfter }: { workers: number; killAfter?: number },
): Promise<SweepReport> {
  const prefix = `bench-sweep-${randomBytes(4).toString('hex')}`;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dutyline-bench-sweep-'));
  const env = {
    QUEUE_PREFIX: prefix,
    WORKER_CONCURRENCY: String(CONCURRENCY),
    LOG_LEVEL: 'info',
    DATABASE_URL,
    DATA_DIR: folder,
    SMTP_URL: `${fleet.sink.url(FROM)}&maxConnections=${CONCURRENCY}`,
  };
  const mailsBefore = fleet.sink.received.length;
  const checked = new Set<string>();
  const processes = Array.from({ length: workers }, (_, n) => {
    const file = path.join(folder, `worker-${n}.log`);
    return { process: startWorkerProcess(env, { logFile: file }), log: new WorkerLog(file, checked) };
  });
  const done = () => processes.flatMap((p) => p.log.done);
  const poll = () => {
    for (const p of processes) p.log.poll();
    return checked.size;
  };
  let killed: { at: number; checkedBefore: number; active: string[] } | undefined;
  try {
    const deadline = Date.now() + SWEEP_TIMEOUT_MS;
    let lastLoad = Date.now();
    let lastScrape = Date.now();
    while (poll() < fleet.hotlines) {
      if (Date.now() > deadline) throw new Error(`timed out: ${checked.size} of ${fleet.hotlines} hotlines checked`);
      if (processes.every((p) => p.process.child.exitCode !== null || p.process.child.signalCode !== null))
        throw new Error(`every worker stopped (logs in ${folder})`);
      if (killAfter !== undefined && !killed && checked.size >= killAfter * fleet.hotlines) {
        processes[0].process.child.kill('SIGKILL');
        killed = { at: Date.now(), checkedBefore: checked.size, active: await activeJobs(prefix) };
      }
      if (Date.now() - lastScrape > 2000) {
        lastScrape = Date.now();
        await Promise.all(processes.map((p) => p.log.scrape(p.process.child.pid)));
      }
      if (Date.now() - lastLoad > 15_000) {
        lastLoad = Date.now();
        loadAverage();
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 3000)); // would a check or a mail come twice?
    poll();
    await Promise.all(processes.map((p) => p.log.scrape(p.process.child.pid)));
  } finally {
    await Promise.all(processes.map((p) => p.process.stop()));
    await dropKeys(prefix);
  }
  const all = done();
  const started = Math.min(...processes.map((p) => p.log.startedAt ?? Infinity));
  const mails = fleet.sink.received.slice(mailsBefore);
  const messageIds = new Set(mails.map((mail) => mail.parsed.messageId));
  const survivor = processes.slice(1).flatMap((p) => p.log.done);
  let killedReport: SweepReport['killed'];
  if (killed) {
    const { at, active } = killed;
    // The killed worker's jobs were running when it died and are finished by the other once their locks expire.
    const orphans = active
      // BullMQ's ids escape ':' and '%' (`toBullMqJobId`).
      .map((stored) => decodeURIComponent(stored).split(':').slice(1, 3).join('/'))
      .map((hotline) => survivor.filter((d) => d.hotline === hotline && d.at > at + 1000).map((d) => d.at))
      .filter((times) => times.length > 0)
      .map((times) => Math.max(...times));
    killedReport = {
      checkedBefore: killed.checkedBefore,
      orphans: orphans.length,
      pickUpSeconds: orphans.length > 0 ? (Math.max(...orphans) - at) / 1000 : 0,
    };
  }
  fs.rmSync(folder, { recursive: true, force: true });
  return {
    seconds: (Math.max(...all.map((d) => d.at)) - started) / 1000,
    checked: checked.size,
    checks: all.length,
    failed: processes.reduce((sum, p) => sum + p.log.failed, 0),
    notices: new Set(all.flatMap((d) => d.notices)).size,
    mails: mails.length,
    mailsTwice: mails.length - messageIds.size,
    statements: processes.reduce((sum, p) => sum + p.log.statements, 0),
    cpuMillis: processes.reduce((sum, p) => sum + p.log.cpuMillis, 0),
    killed: killedReport,
  };
}

/** One check of each of `sample` hotlines spread over the fleet, in this process: the statements each costs. */
async function statementsPerCheck(sample: number): Promise<{ reads: number; writes: number }> {
  let counting = false;
  const statements: string[] = [];
  const dataSource = createDataSource({ url: DATABASE_URL, onQuery: (sql) => counting && statements.push(sql) });
  await dataSource.initialize();
  try {
    const repositories = sqlRepositories(dataSource);
    const documents = new SqlHotlineDocuments(dataSource);
    const clock = { now: () => Date.now() };
    const alerts = new GapAlerts({
      coverage: new CoverageQueries({
        hotlines: repositories.hotlines,
        schedules: repositories.schedule,
        people: repositories.people,
        teams: repositories.teams,
      }),
      state: new DocumentGapAlertStates(documents),
      settings: new DocumentNotificationSettings(documents, clock),
      mailer: { send: async () => ({ messageId: 'not sent', rejected: [] }) },
      clock,
    });
    const hotlines = await documents.allHotlines();
    const step = Math.max(1, Math.floor(hotlines.length / sample));
    const chosen = hotlines.filter((_, i) => i % step === 0).slice(0, sample);
    for (const hotline of chosen) await alerts.check(hotline); // the first check writes the state: left out
    counting = true;
    for (const hotline of chosen) await alerts.check(hotline);
    const writes = statements.filter((sql) => !/^\s*SELECT/i.test(sql)).length;
    return { reads: (statements.length - writes) / chosen.length, writes: writes / chosen.length };
  } finally {
    await dataSource.destroy();
  }
}

function reportSweep(label: string, run: SweepReport, hotlines: number): void {
  const metric = (name: string) => `${label}-${name}`;
  report(NAME, { metric: metric('seconds'), value: run.seconds, unit: 's' });
  report(NAME, { metric: metric('throughput'), value: run.checked / run.seconds, unit: 'hotlines/s' });
  report(NAME, { metric: metric('hotlines-checked'), value: run.checked, unit: `of ${hotlines}` });
  // A hotline checked early whose next hourly period begins before the run ends is checked again then.
  report(NAME, { metric: metric('checked-again'), value: run.checks - run.checked, unit: 'count' });
  report(NAME, { metric: metric('checks-failed'), value: run.failed, unit: 'count' });
  report(NAME, { metric: metric('statements-per-hotline'), value: run.statements / run.checked, unit: 'statements' });
  report(NAME, { metric: metric('worker-cpu-per-hotline'), value: run.cpuMillis / run.checked, unit: 'ms' });
  report(NAME, { metric: metric('alert-notices'), value: run.notices, unit: 'count' });
  report(NAME, { metric: metric('alert-mails'), value: run.mails, unit: 'count' });
  report(NAME, { metric: metric('alert-mails-sent-twice'), value: run.mailsTwice, unit: 'count' });
}

async function openFleet(): Promise<Fleet> {
  const db = await createConnection(DATABASE_URL);
  const [[row]] = await db
    .query<RowDataPacket[]>('SELECT COUNT(*) AS hotlines FROM hotlines')
    .catch((): [RowDataPacket[]] => [[{ hotlines: 0 } as RowDataPacket]]);
  const hotlines = Number(row.hotlines);
  if (hotlines === 0) {
    await db.end();
    console.error(
      `# ${NAME}: no fleet at ${DATABASE_URL} (no hotlines): load one with` +
        ` \`DATABASE_URL=<url> ${FLEET_COMMAND}\`, or set BENCH_DATABASE_URL`,
    );
    process.exit(2);
  }
  const [documents] = await workerDocuments(db);
  return { db, sink: await SmtpSink.start(), hotlines, documentsBefore: new Set(documents.map(documentKey)) };
}

async function main(): Promise<void> {
  const fleet = await openFleet();
  try {
    report(NAME, { metric: 'hotlines', value: fleet.hotlines, unit: 'count' });
    report(NAME, { metric: 'concurrency', value: CONCURRENCY, unit: 'jobs per worker' });
    loadAverage();
    const exact = await statementsPerCheck(SAMPLE);
    await forgetAlerts(fleet);
    report(NAME, { metric: 'check-reads', value: exact.reads, unit: 'statements' });
    report(NAME, { metric: 'check-writes', value: exact.writes, unit: 'statements' });

    const one = await sweep(fleet, { workers: 1 });
    loadAverage();
    await forgetAlerts(fleet);
    reportSweep('one-worker', one, fleet.hotlines);
    const two = await sweep(fleet, { workers: 2 });
    loadAverage();
    await forgetAlerts(fleet);
    reportSweep('two-workers', two, fleet.hotlines);
    report(NAME, { metric: 'two-workers-speed-up', value: one.seconds / two.seconds, unit: 'x' });
    const killed = KILL_RUN ? await sweep(fleet, { workers: 2, killAfter: 1 / 3 }) : undefined;
    if (killed) {
      loadAverage();
      reportSweep('killed', killed, fleet.hotlines);
      report(NAME, { metric: 'killed-checked-before-kill', value: killed.killed?.checkedBefore ?? 0, unit: 'count' });
      report(NAME, { metric: 'killed-jobs-picked-up', value: killed.killed?.orphans ?? 0, unit: 'count' });
      report(NAME, { metric: 'killed-pick-up', value: killed.killed?.pickUpSeconds ?? 0, unit: 's' });
    }

    const exactTotal = exact.reads + exact.writes;
    const runs = [one, two, ...(killed ? [killed] : [])];
    goal(NAME, `the fleet checked by one worker in <= ${GOAL_SECONDS} s`, one.seconds <= GOAL_SECONDS);
    goal(NAME, `two workers >= ${GOAL_SPEED_UP}x faster than one`, one.seconds / two.seconds >= GOAL_SPEED_UP);
    goal(
      NAME,
      // On top of a steady check's own: the state's first write, the alerts' writes, each hotline's shift-alert
      // plan at the workers' start. Anything read per check that grows with the fleet would be thousands.
      `statements per hotline within 3x a steady check's own (${exactTotal.toFixed(1)}); compare fleets of two sizes`,
      runs.slice(0, 2).every((run) => run.statements / run.checked <= 3 * exactTotal),
    );
    goal(
      NAME,
      'every hotline checked in every run, none failed',
      runs.every((run) => run.checked === fleet.hotlines && run.failed === 0),
    );
    goal(
      NAME,
      "each gap alert e-mailed once (killed run: at most the killed worker's checks in flight, ADR 0006)",
      one.mailsTwice === 0 && two.mailsTwice === 0 && (killed?.mailsTwice ?? 0) <= CONCURRENCY,
    );
    if (killed)
      goal(
        NAME,
        "the killed worker's jobs picked up",
        (killed.killed?.orphans ?? 0) > 0 || killed.checked === fleet.hotlines,
      );
  } finally {
    await forgetAlerts(fleet);
    await fleet.sink.close();
    await fleet.db.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
