/**
 * The call statistics' narrow read (`SqlCallStore.callFigures`, issue #14) against the documents, on
 * SQLite and MariaDB: the same statistics for a mixed set of calls under each filter, and the
 * migration that added its columns filling them in for calls stored before it.
 */
import { CallFact, CallRecord, EscalationEvent, callRecord, callStatistics } from '@dutyline/domain';
import { uniqueName } from '@dutyline/test-support';
import { DataSource } from 'typeorm';
import { Backend, BACKENDS_UNDER_TEST } from './contract/backends';
import { aCall, answeredByBob, at } from './contract/call-documents';
import { World } from './contract/world';
import { runMigrations } from './database/create-data-source';
import { CallDocument, callRowOf } from './mappers/call.mapper';
import { MIGRATIONS } from './migrations';
import { SqlCallFilter, SqlCallStore } from './repositories/call.repository';

type Move = [EscalationEvent, CallFact];

/** The call's end as the carrier reports it: with its length, or without (then measured). */
const ended = (atMs: number, durationSeconds?: number): Move => [
  { type: 'call-completed' },
  { kind: 'call-ended', at: atMs, ...(durationSeconds === undefined ? {} : { durationSeconds }) },
];
const noAnswer = (step: number, atMs: number): Move => [
  { type: 'leg-outcome', step, outcome: 'no-answer' },
  { kind: 'leg-ended', step, at: atMs },
];

/**
 * Seven calls a minute or so apart on two hotlines: answered by Bob (twice, one on hl-2) and by
 * Alice (after 4.321 s, its length measured to the millisecond), a voicemail, a caller who hung up
 * while it rang, one still ringing, one with its end reported before its start (lengths clamp to 0).
 */
function mixedCalls(accountId: string, id: () => string): CallDocument[] {
  const start = (minute: number) => at(minute * 60) + 17;
  return [
    aCall(id(), accountId, {
      startedAt: start(0),
      events: [...answeredByBob(start(0)), ended(start(0) + 95_000, 83)],
    }),
    aCall(id(), accountId, {
      startedAt: start(1),
      events: [
        [
          { type: 'leg-outcome', step: 0, outcome: 'confirmed' },
          { kind: 'confirmation', step: 0, at: start(1) + 4321 },
        ],
        ended(start(1) + 65_537),
      ],
    }),
    aCall(id(), accountId, {
      startedAt: start(2),
      events: [
        noAnswer(0, start(2) + 20_000),
        noAnswer(1, start(2) + 40_000),
        noAnswer(2, start(2) + 60_000),
        [
          { type: 'voicemail-recorded', recording: 'rec-1' },
          { kind: 'recording', at: start(2) + 90_000 },
        ],
        ended(start(2) + 91_000, 91),
      ],
    }),
    aCall(id(), accountId, {
      startedAt: start(3),
      events: [[{ type: 'caller-hung-up' }, { kind: 'call-ended', at: start(3) + 7_250, durationSeconds: 7 }]],
    }),
    aCall(id(), accountId, { startedAt: start(4) }),
    aCall(id(), accountId, {
      startedAt: start(5),
      hotlineId: 'hl-2',
      events: [...answeredByBob(start(5)), ended(start(5) + 30_000, 30)],
    }),
    aCall(id(), accountId, {
      startedAt: start(6),
      events: [[{ type: 'caller-hung-up' }, { kind: 'call-ended', at: start(6) - 500 }]],
    }),
  ];
}

const FILTERS: [string, SqlCallFilter][] = [
  ['every call', {}],
  ['one hotline', { hotlineId: 'hl-2' }],
  ['answered', { outcome: 'answered' }],
  ['in progress', { outcome: 'in-progress' }],
  ["Bob's", { answeredBy: 'bob' }],
  ['a range', { from: at(60), to: at(4 * 60) }],
  ['a range with nothing in it', { from: at(3600) }],
];

for (const [describeOn, makeBackend] of BACKENDS_UNDER_TEST) {
  const backend: Backend = makeBackend();
  describeOn(`call statistics on ${backend.name}`, () => {
    let world: World;
    let store: SqlCallStore;
    const ids: string[] = [];
    const callId = () => {
      const id = uniqueName('call');
      ids.push(id);
      return id;
    };
    /** Every call of the filter as whole documents, newest first, through the log's pages. */
    const documents = async (accountId: string, filter: SqlCallFilter) => {
      const all: CallDocument[] = [];
      let after: string | null = null;
      do {
        const page = await store.listCalls(accountId, filter, { first: 2, after });
        all.push(...page.items);
        after = page.nextCursor;
      } while (after !== null);
      return all;
    };

    beforeAll(async () => {
      world = new World(await backend.connect());
      store = new SqlCallStore(world.dataSource);
    });
    afterEach(async () => {
      for (const id of ids.splice(0)) await world.dataSource.query('DELETE FROM calls WHERE id = ?', [id]);
      await world.cleanUp();
    });
    afterAll(async () => {
      await world.dataSource.destroy();
      await backend.finish();
    });

    it.each(FILTERS)('reads the same figures as the documents give, and the same statistics: %s', async (_, filter) => {
      const accountId = await world.newAccount();
      // Each call created as it started, then saved as it went on: the columns follow every write.
      for (const call of mixedCalls(accountId, callId)) {
        const { startedAt } = call.timeline;
        await store.create(aCall(call.id, accountId, { startedAt, hotlineId: call.hotlineId ?? undefined }));
        await store.save({ ...call, version: 1 });
      }

      const records = (await documents(accountId, filter)).map(callRecord);
      const figures = await store.callFigures(accountId, filter, 100);
      expect(figures).toEqual(figuresOf(records));
      expect(callStatistics(figures)).toEqual(callStatistics(records));
    });

    it('covers every outcome, keeps lengths to the millisecond and reads the newest `limit` calls only', async () => {
      const accountId = await world.newAccount();
      const calls = mixedCalls(accountId, callId);
      for (const call of calls) await store.create(call);
      const statistics = callStatistics(await store.callFigures(accountId, {}, 100));
      expect(statistics).toMatchObject({
        calls: 7,
        byOutcome: { answered: 3, voicemail: 1, abandoned: 2, 'in-progress': 1, message: 0 },
        timeToAnswer: { count: 3, medianSeconds: 12, maxSeconds: 12 },
        duration: { count: 6, medianSeconds: expect.closeTo((30 + 65.537) / 2, 9), maxSeconds: 91 },
        answerers: [
          { personId: 'bob', personName: 'Bob', answered: 2, averageTimeToAnswerSeconds: 12 },
          { personId: 'alice', personName: 'Alice', answered: 1, averageTimeToAnswerSeconds: 4.321 },
        ],
      });
      const lengths = (await store.callFigures(accountId, { outcome: 'answered' }, 100)).map((f) => f.durationSeconds);
      expect(lengths).toEqual([30, 65.537, 83]);
      const newest = await store.callFigures(accountId, {}, 2);
      expect(newest).toEqual((await store.callFigures(accountId, {}, 100)).slice(0, 2));
      expect(newest.map((f) => f.outcome)).toEqual(['abandoned', 'answered']);
    });

    it('fills the columns in from the documents of calls stored before them (the migration)', async () => {
      const { dataSource, drop } = await backend.freshDatabase();
      try {
        await runMigrations(dataSource);
        const last = MIGRATIONS[MIGRATIONS.length - 1];
        expect(last.name).toBe('CallStatisticsColumns1795630000000');
        await dataSource.undoLastMigration();
        const accountId = await new World(dataSource).newAccount();
        const calls = mixedCalls(accountId, () => uniqueName('call'));
        for (const call of calls) await insertAsBefore(dataSource, callRowOf(call, 1));

        expect(await runMigrations(dataSource)).toEqual([last.name]);
        // Run again over columns already there (MariaDB keeps them when the backfill after the ALTER fails).
        await dataSource.query(
          'UPDATE calls SET answered_by_name = NULL, time_to_answer_ms = NULL, duration_ms = NULL',
        );
        const runner = dataSource.createQueryRunner();
        await new last().up(runner).finally(() => runner.release());
        const fresh = new SqlCallStore(dataSource);
        const expected = (await fresh.listCalls(accountId, {}, { first: 100 })).items.map(callRecord);
        expect(await fresh.callFigures(accountId, {}, 100)).toEqual(figuresOf(expected));
        const columns = await dataSource.query(
          'SELECT id, answered_by_name AS name, time_to_answer_ms AS wait, duration_ms AS length FROM calls',
        );
        expect(
          (columns as { id: string; name: string | null; wait: unknown; length: unknown }[])
            .map((c) => ({
              ...c,
              wait: c.wait === null ? null : Number(c.wait),
              length: c.length === null ? null : Number(c.length),
            }))
            .sort((a, b) => (a.id < b.id ? -1 : 1)),
        ).toEqual(
          calls
            .map((call) => callRowOf(call, 1))
            .map((row) => ({ id: row.id, name: row.answeredByName, wait: row.timeToAnswerMs, length: row.durationMs }))
            .sort((a, b) => (a.id < b.id ? -1 : 1)),
        );
      } finally {
        await dataSource.destroy();
        await drop();
      }
    }, 60_000);
  });
}

/** What the statistics take of each record. */
const figuresOf = (records: readonly CallRecord[]) =>
  records.map(({ outcome, answeredBy, timeToAnswerSeconds, durationSeconds }) => ({
    outcome,
    answeredBy: answeredBy && { personId: answeredBy.personId, personName: answeredBy.personName },
    timeToAnswerSeconds,
    durationSeconds,
  }));

/** The row as the store wrote it before the statistics' columns existed. */
async function insertAsBefore(dataSource: DataSource, row: ReturnType<typeof callRowOf>): Promise<void> {
  const { answeredByName: _name, timeToAnswerMs: _wait, durationMs: _length, ...before } = row;
  const columns: Record<keyof typeof before, string> = {
    id: 'id',
    accountId: 'account_id',
    hotlineId: 'hotline_id',
    hotlineNumber: 'hotline_number',
    carrier: 'carrier',
    carrierCallId: 'carrier_call_id',
    caller: 'caller',
    outcome: 'outcome',
    answeredBy: 'answered_by',
    startedAt: 'started_at',
    version: 'version',
    document: 'document',
  };
  const keys = Object.keys(columns) as (keyof typeof before)[];
  await dataSource.query(
    `INSERT INTO calls (${keys.map((k) => columns[k]).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
    keys.map((k) => before[k]),
  );
}
