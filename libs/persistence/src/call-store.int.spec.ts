/**
 * The call store (the application's CallStore and CallLogReader ports), run against the embedded
 * SQLite and the real MariaDB like the repository contract. Each test works in accounts of its own
 * and deletes their calls.
 */
import { ValidationError, VersionConflictError } from '@dutyline/domain';
import { uniqueName } from '@dutyline/test-support';
import { BACKENDS_UNDER_TEST } from './contract/backends';
import { T0, aCall, answeredByBob, at } from './contract/call-documents';
import { World } from './contract/world';
import { SqlCallStore } from './repositories/call.repository';

for (const [describeOn, makeBackend] of BACKENDS_UNDER_TEST) {
  const backend = makeBackend();
  describeOn(`call store on ${backend.name}`, () => {
    let world: World;
    let store: SqlCallStore<ReturnType<typeof aCall>>;
    const accounts: string[] = [];
    const ids: string[] = [];
    const newAccount = async () => {
      const id = await world.newAccount();
      accounts.push(id);
      return id;
    };
    /** A call id of this test (deleted afterwards, whatever its account). */
    const callId = () => {
      const id = uniqueName('call');
      ids.push(id);
      return id;
    };

    beforeAll(async () => {
      world = new World(await backend.connect());
      store = new SqlCallStore(world.dataSource);
    });
    afterEach(async () => {
      for (const id of ids.splice(0)) await world.dataSource.query('DELETE FROM calls WHERE id = ?', [id]);
      for (const accountId of accounts.splice(0))
        await world.dataSource.query('DELETE FROM calls WHERE account_id = ?', [accountId]);
      await world.cleanUp();
    });
    afterAll(async () => {
      await world.dataSource.destroy();
      await backend.finish();
    });

    it('creates a call at version 1 and reads back the whole document, by id and by the carrier leg', async () => {
      const accountId = await newAccount();
      const call = aCall(callId(), accountId);
      const created = await store.create(call);
      expect(created).toEqual({ created: true, call: { ...call, version: 1 } });
      expect(await store.load(call.id)).toEqual({ ...call, version: 1 });
      expect(await store.findByCarrierCall('vonage', call.carrierCallId)).toEqual({ ...call, version: 1 });
      expect(await store.findByCarrierCall('simulator', call.carrierCallId)).toBeUndefined();
      expect(await store.load('nope')).toBeUndefined();
    });

    it('writes nothing for a second call of the same carrier leg and returns the first', async () => {
      const accountId = await newAccount();
      const first = aCall(callId(), accountId);
      await store.create(first);
      const retried = { ...aCall(callId(), accountId), carrierCallId: first.carrierCallId };
      expect(await store.create(retried)).toEqual({ created: false, call: { ...first, version: 1 } });
      expect(await store.load(retried.id)).toBeUndefined();
    });

    it('writes nothing for the same call created again (a write-back after a create that timed out but committed) and returns it as stored', async () => {
      const accountId = await newAccount();
      const call = aCall(callId(), accountId);
      await store.create(call);
      const later = { ...call, timeline: { ...call.timeline, durationSeconds: 12 } };
      expect(await store.create(later)).toEqual({ created: false, call: { ...call, version: 1 } });
      const [again] = await Promise.all([store.create(later), store.create(aCall(callId(), accountId))]);
      expect(again).toEqual({ created: false, call: { ...call, version: 1 } });
    });

    it('stores calls created together (one statement) and still answers a retried leg among them with the first call', async () => {
      const accountId = await newAccount();
      const calls = Array.from({ length: 25 }, () => aCall(callId(), accountId));
      const retried = { ...aCall(callId(), accountId), carrierCallId: calls[3].carrierCallId };
      const results = await Promise.all([...calls, retried].map((call) => store.create(call)));
      expect(results.slice(0, 25)).toEqual(calls.map((call) => ({ created: true, call: { ...call, version: 1 } })));
      expect(results[25]).toEqual({ created: false, call: { ...calls[3], version: 1 } });
      expect((await store.listCalls(accountId, {}, { first: 50 })).items.map((c) => c.id).sort()).toEqual(
        calls.map((c) => c.id).sort(),
      );
      expect(await store.load(retried.id)).toBeUndefined();
    });

    it('saves compare-and-set: one more version each time, refusing a stale or absent call', async () => {
      const accountId = await newAccount();
      const call = (await store.create(aCall(callId(), accountId))).call;
      const moved = { ...aCall(call.id, accountId, { events: answeredByBob(T0) }), version: 1 };
      expect(await store.save(moved)).toBe(2);
      await expect(store.save(moved)).rejects.toBeInstanceOf(VersionConflictError);
      await expect(store.save({ ...aCall(callId(), accountId), version: 1 })).rejects.toBeInstanceOf(
        VersionConflictError,
      );
      const read = await store.load(call.id);
      expect(read).toEqual({ ...moved, version: 2 });
      expect(read?.state.answeredBy?.personName).toBe('Bob');
    });

    it("lists an account's calls newest first, a page at a time, by hotline, outcome, answerer and period", async () => {
      const [accountId, other] = [await newAccount(), await newAccount()];
      const made = [
        aCall(callId(), accountId, { startedAt: at(0) }),
        aCall(callId(), accountId, { startedAt: at(60), events: answeredByBob(at(60)) }),
        aCall(callId(), accountId, { startedAt: at(120), hotlineId: 'hl-2' }),
        aCall(callId(), accountId, { startedAt: at(120) }),
        aCall(callId(), other, { startedAt: at(30) }),
      ];
      for (const call of made) await store.create(call);
      const ids = async (filter = {}, first = 50): Promise<number[]> =>
        (await store.listCalls(accountId, filter, { first })).items.map((c) => made.findIndex((m) => m.id === c.id));
      const [, answered, onHl2, sameInstant] = made;
      const newest = [onHl2, sameInstant].sort((a, b) => (a.id < b.id ? 1 : -1)).map((c) => made.indexOf(c));

      expect(await ids()).toEqual([...newest, 1, 0]);
      expect(await ids({ hotlineId: 'hl-2' })).toEqual([2]);
      expect(await ids({ outcome: 'answered' })).toEqual([1]);
      expect(await ids({ outcome: 'in-progress', hotlineId: 'hl-1' })).toEqual([3, 0]);
      expect(await ids({ answeredBy: 'bob' })).toEqual([1]);
      expect(await ids({ from: at(60), to: at(120) })).toEqual([1]);
      expect(await ids({ from: at(61) })).toEqual(newest);

      const first = await store.listCalls(accountId, {}, { first: 3 });
      expect(first.items.map((c) => c.id)).toEqual([...newest.map((i) => made[i].id), answered.id]);
      const second = await store.listCalls(accountId, {}, { first: 3, after: first.nextCursor });
      expect([second.items.map((c) => c.id), second.nextCursor]).toEqual([[made[0].id], null]);
    });

    it('keeps accounts apart and refuses bad page requests, naming the argument', async () => {
      const [accountId, other] = [await newAccount(), await newAccount()];
      const call = aCall(callId(), accountId);
      await store.create(call);
      expect(await store.call(accountId, call.id)).toEqual({ ...call, version: 1 });
      expect(await store.call(other, call.id)).toBeUndefined();
      expect((await store.listCalls(other)).items).toEqual([]);
      for (const [request, code, field] of [
        [{ first: 0 }, 'INVALID_PAGE_SIZE', 'first'],
        [{ after: 'garbage!' }, 'INVALID_CURSOR', 'after'],
      ] as const) {
        const error = await store.listCalls(accountId, {}, request).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect(error).toMatchObject({ code, field });
      }
    });

    it('stores a call no hotline could be tied to (the store was down), listed in no account', async () => {
      const call = aCall(callId(), null);
      expect((await store.create(call)).created).toBe(true);
      expect(await store.load(call.id)).toEqual({ ...call, version: 1 });
    });
  });
}
