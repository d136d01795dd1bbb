/**
 * The callback stores (the application's CallbackRequestStore and CallbackIntakeSettingsStore ports),
 * run against the embedded SQLite and the real MariaDB like the repository contract. Each test works in
 * accounts of its own and deletes their rows.
 */
import {
  CallbackPolicyInput,
  HOUR_MS,
  MINUTE_MS,
  VersionConflictError,
  ValidationError,
  claimCallback,
  openCallbackRequest,
  parseInstant,
  recordCallbackAttempt,
} from '@dutyline/domain';
import { uniqueName } from '@dutyline/test-support';
import { BACKENDS_UNDER_TEST } from './contract/backends';
import { World } from './contract/world';
import { CallbackRequestDocument } from './mappers/callback.mapper';
import { SqlCallbackIntakeSettingsStore, SqlCallbackRequestStore } from './repositories/callback-request.repository';

const T0 = parseInstant('2027-03-27T09:00:00Z');
/** Opened at 10:00 in Paris on the eve of the spring clock change, one processing day: it expires at midnight on the 29th (Paris). */
const EXPIRES = parseInstant('2027-03-28T22:00:00Z');

type Doc = CallbackRequestDocument & { viaHotlineId: string };

function aRequest(
  accountId: string,
  options: {
    id?: string;
    number?: string;
    at?: number;
    service?: { kind: 'hotline' | 'team'; id: string };
    policy?: CallbackPolicyInput;
  } = {},
): Doc {
  const service = options.service ?? { kind: 'hotline', id: 'hl-1' };
  const request = openCallbackRequest({
    id: options.id ?? uniqueName('cb'),
    serviceId: service.id,
    serviceZone: 'Europe/Paris',
    number: options.number ?? '+33698765432',
    source: 'keyed',
    createdAt: options.at ?? T0,
    policy: { maxProcessingDays: 1, maxAttempts: 2, minHoursBetweenAttempts: 1, ...options.policy },
  });
  return { accountId, service, request, call: null, version: 0, viaHotlineId: 'hl-1' };
}

function attempt(doc: Doc, at: number, outcome: 'no-answer' | 'answered' | 'busy'): Doc {
  const result = recordCallbackAttempt(doc.request, { at, outcome });
  if (!result.ok) throw new Error(result.error.code);
  return { ...doc, request: result.value };
}

for (const [describeOn, makeBackend] of BACKENDS_UNDER_TEST) {
  const backend = makeBackend();
  describeOn(`callback stores on ${backend.name}`, () => {
    let world: World;
    let store: SqlCallbackRequestStore<Doc>;
    let intake: SqlCallbackIntakeSettingsStore;
    const accounts: string[] = [];
    const newAccount = async () => {
      const id = await world.newAccount();
      accounts.push(id);
      return id;
    };
    const ids = (page: { items: readonly Doc[] }) => page.items.map((d) => d.request.id);

    beforeAll(async () => {
      world = new World(await backend.connect());
      store = new SqlCallbackRequestStore<Doc>(world.dataSource);
      intake = new SqlCallbackIntakeSettingsStore(world.dataSource);
    });
    afterEach(async () => {
      for (const accountId of accounts.splice(0)) {
        await world.dataSource.query('DELETE FROM callback_requests WHERE account_id = ?', [accountId]);
        await world.dataSource.query('DELETE FROM callback_intake_settings WHERE account_id = ?', [accountId]);
      }
      await world.cleanUp();
    });
    afterAll(async () => {
      await world.dataSource.destroy();
      await backend.finish();
    });

    it('creates a request at version 1, reads back the whole document, and saves compare-and-set', async () => {
      const accountId = await newAccount();
      const doc = aRequest(accountId);
      const created = await store.create(doc);
      expect(created).toEqual({ ...doc, version: 1 });
      expect(await store.load(accountId, doc.request.id)).toEqual({ ...doc, version: 1 });
      expect(await store.load(await newAccount(), doc.request.id)).toBeUndefined();

      const claimed = claimCallback(created.request, 'agent-a', T0 + MINUTE_MS);
      if (!claimed.ok) throw new Error(claimed.error.code);
      const saved = await store.save({ ...created, request: claimed.value });
      expect(saved.version).toBe(2);
      await expect(store.save({ ...created, request: claimed.value })).rejects.toBeInstanceOf(VersionConflictError);
      await expect(store.save({ ...aRequest(accountId), version: 1 })).rejects.toBeInstanceOf(VersionConflictError);
      expect((await store.load(accountId, doc.request.id))?.request.claim).toEqual({
        agentId: 'agent-a',
        at: T0 + MINUTE_MS,
        until: T0 + 16 * MINUTE_MS,
      });
    });

    it('lets exactly one of two writers of the same version win', async () => {
      const accountId = await newAccount();
      const created = await store.create(aRequest(accountId));
      const claim = (agent: string) => {
        const claimed = claimCallback(created.request, agent, T0 + MINUTE_MS);
        if (!claimed.ok) throw new Error(claimed.error.code);
        return store.save({ ...created, request: claimed.value });
      };
      const results = await Promise.allSettled([claim('agent-a'), claim('agent-b')]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(VersionConflictError);
      const winner = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<Doc>).value.request.claim
        ?.agentId;
      expect((await store.load(accountId, created.request.id))?.request.claim?.agentId).toBe(winner);
    });

    it('lists by status at an instant: open until the expiry, expired from it; closed ones by their status', async () => {
      const accountId = await newAccount();
      const open = await store.create(aRequest(accountId));
      const done = await store.create(
        attempt(aRequest(accountId, { number: '+33698765433' }), T0 + MINUTE_MS, 'answered'),
      );
      const maxed = aRequest(accountId, { number: '+33698765434', policy: { maxAttempts: 1 } });
      await store.create(attempt(maxed, T0 + MINUTE_MS, 'busy'));
      const at = async (instant: number, status: 'open' | 'expired' | 'done' | 'max-attempts-reached') =>
        ids(await store.list(accountId, { status, at: instant }));
      expect(await at(EXPIRES - 1, 'open')).toEqual([open.request.id]);
      expect(await at(EXPIRES - 1, 'expired')).toEqual([]);
      expect(await at(EXPIRES, 'open')).toEqual([]);
      expect(await at(EXPIRES, 'expired')).toEqual([open.request.id]);
      expect(await at(EXPIRES, 'done')).toEqual([done.request.id]);
      expect(await at(T0 + HOUR_MS, 'max-attempts-reached')).toEqual([maxed.request.id]);
    });

    it('shows agents a request again exactly when the minimum delay has passed', async () => {
      const accountId = await newAccount();
      const tried = await store.create(attempt(aRequest(accountId), T0 + MINUTE_MS, 'no-answer'));
      const reappears = T0 + MINUTE_MS + HOUR_MS;
      expect(ids(await store.list(accountId, { visible: true, at: reappears - 1000 }))).toEqual([]);
      expect(ids(await store.list(accountId, { visible: true, at: reappears }))).toEqual([tried.request.id]);
      expect(ids(await store.list(accountId, { visible: true, at: EXPIRES }))).toEqual([]);
    });

    it("pages newest first, by service or an agent's services, and keeps accounts apart", async () => {
      const [accountId, other] = [await newAccount(), await newAccount()];
      const team = { kind: 'team' as const, id: 'crew' };
      const made = [
        await store.create(aRequest(accountId, { at: T0 })),
        await store.create(aRequest(accountId, { at: T0 + MINUTE_MS, service: team })),
        await store.create(aRequest(accountId, { at: T0 + 2 * MINUTE_MS })),
      ].map((d) => d.request.id);
      await store.create(aRequest(other, { at: T0 + 3 * MINUTE_MS }));
      const first = await store.list(accountId, { at: T0 }, { first: 2 });
      expect(ids(first)).toEqual([made[2], made[1]]);
      expect(ids(await store.list(accountId, { at: T0 }, { first: 2, after: first.nextCursor }))).toEqual([made[0]]);
      expect(ids(await store.list(accountId, { at: T0, service: team }))).toEqual([made[1]]);
      expect(ids(await store.list(accountId, { at: T0, services: [team, { kind: 'hotline', id: 'hl-1' }] }))).toEqual([
        made[2],
        made[1],
        made[0],
      ]);
      expect(ids(await store.list(accountId, { at: T0, services: [] }))).toEqual([]);
      const error = await store.list(accountId, { at: T0 }, { after: 'nope!' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code: 'INVALID_CURSOR', field: 'after' });
    });

    it('finds the unclosed requests of a caller, the request of an outbound call, and what the worker owes', async () => {
      const accountId = await newAccount();
      const open = await store.create(aRequest(accountId, { policy: { mode: 'automatic' } }));
      await store.create(attempt(aRequest(accountId, { at: T0 - HOUR_MS }), T0 - 30 * MINUTE_MS, 'answered'));
      const manual = await store.create(aRequest(accountId, { number: '+33698765433' }));
      expect(
        (await store.unclosed(accountId, { kind: 'hotline', id: 'hl-1' }, '+33698765432')).map((d) => d.request.id),
      ).toEqual([open.request.id]);

      const callId = uniqueName('call');
      await store.save({ ...open, call: { id: callId } });
      expect((await store.byCall(callId))?.request.id).toBe(open.request.id);
      await expect(store.save({ ...manual, call: { id: callId } })).rejects.toThrow();

      const due = await store.dueForDialling({ first: 200 });
      expect(due.items.filter((d) => d.accountId === accountId).map((d) => d.request.id)).toEqual([open.request.id]);
    });

    it('runs the intakes of one caller and service one after the other, other callers alongside, also from another process', async () => {
      const accountId = await newAccount();
      const hotline = { kind: 'hotline' as const, id: 'hl-1' };
      const order: string[] = [];
      const gate = (() => {
        let open!: () => void;
        return { opened: new Promise<void>((resolve) => (open = resolve)), open: () => open() };
      })();
      // A second store on a DataSource of its own: another gateway process on the same database.
      const otherDataSource = await backend.connect();
      const otherProcess = new SqlCallbackRequestStore<Doc>(otherDataSource);
      try {
        const first = store.oneIntakeAtATime({ accountId, service: hotline, number: '+33698765432' }, async () => {
          order.push('first starts');
          await gate.opened;
          order.push('first ends');
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
        const same = (backend.name === 'MariaDB' ? otherProcess : store).oneIntakeAtATime(
          { accountId, service: hotline, number: '+33698765432' },
          async () => {
            order.push('same caller');
          },
        );
        const other = store.oneIntakeAtATime({ accountId, service: hotline, number: '+33611111111' }, async () => {
          order.push('other caller');
        });
        await other;
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(order).toEqual(['first starts', 'other caller']);
        gate.open();
        await Promise.all([first, same]);
        expect(order).toEqual(['first starts', 'other caller', 'first ends', 'same caller']);
        await expect(
          store.oneIntakeAtATime({ accountId, service: hotline, number: '+33698765432' }, async () => {
            throw new Error('the work failed');
          }),
        ).rejects.toThrow('the work failed');
        expect(
          await store.oneIntakeAtATime(
            { accountId, service: hotline, number: '+33698765432' },
            async () => 'still taken in turn',
          ),
        ).toBe('still taken in turn');
      } finally {
        await otherDataSource.destroy();
      }
    });

    it('keeps intake settings per service, validated on the way back', async () => {
      const accountId = await newAccount();
      const service = { kind: 'hotline' as const, id: 'hl-1' };
      expect(await intake.intakeSettings(accountId, service)).toBeUndefined();
      await intake.saveIntakeSettings({
        accountId,
        service,
        offer: { at: 'greeting' },
        allowedCountries: ['FR', 'BE'],
        updatedAt: T0,
      });
      await intake.saveIntakeSettings({
        accountId,
        service: { kind: 'team', id: 'hl-1' },
        offer: null,
        allowedCountries: null,
        updatedAt: T0,
      });
      expect(await intake.intakeSettings(accountId, service)).toEqual({
        accountId,
        service,
        offer: { at: 'greeting' },
        allowedCountries: ['FR', 'BE'],
        updatedAt: T0,
      });
      await intake.saveIntakeSettings({
        accountId,
        service,
        offer: { at: 'before-voicemail' },
        allowedCountries: null,
        updatedAt: T0 + 1,
      });
      expect(await intake.intakeSettings(accountId, service)).toMatchObject({
        offer: { at: 'before-voicemail' },
        allowedCountries: null,
        updatedAt: T0 + 1,
      });
      expect(await intake.intakeSettings(accountId, { kind: 'team', id: 'hl-1' })).toMatchObject({ offer: null });
    });
  });
}
