/**
 * The notification workers' stores (delivery ledger, hotline documents, voicemail links), run against
 * the embedded SQLite and the real MariaDB like the repository contract. Each test works in accounts
 * of its own and deletes their rows.
 */
import { ValidationError, VersionConflictError, parseInstant } from '@dutyline/domain';
import { BACKENDS_UNDER_TEST } from './contract/backends';
import { World } from './contract/world';
import { SqlHotlineDocuments } from './repositories/hotline-document.repository';
import { SqlDeliveryLedger } from './repositories/notification-delivery.repository';
import { SqlVoicemailLinks } from './repositories/voicemail-link.repository';

const T0 = parseInstant('2027-03-28T01:17:00Z');
for (const [describeOn, makeBackend] of BACKENDS_UNDER_TEST) {
  const backend = makeBackend();
  describeOn(`notification stores on ${backend.name}`, () => {
    let world: World;
    let ledger: SqlDeliveryLedger<'voicemail' | 'unanswered-alert', { caller: string; legs: string[] }>;
    let documents: SqlHotlineDocuments;
    let links: SqlVoicemailLinks;
    const statements: string[] = [];
    const accounts: string[] = [];
    const newAccount = async () => {
      const id = await world.newAccount();
      accounts.push(id);
      return id;
    };

    beforeAll(async () => {
      world = new World(await backend.connect({ onQuery: (sql) => statements.push(sql) }));
      ledger = new SqlDeliveryLedger(world.dataSource);
      documents = new SqlHotlineDocuments(world.dataSource);
      links = new SqlVoicemailLinks(world.dataSource, { publicUrl: 'https://hotline.example.org/' });
    });
    afterEach(async () => {
      for (const accountId of accounts.splice(0)) {
        for (const table of ['notification_deliveries', 'voicemail_links', 'hotline_documents']) {
          await world.dataSource.query(`DELETE FROM ${table} WHERE account_id = ?`, [accountId]);
        }
      }
      await world.cleanUp();
    });
    afterAll(async () => {
      await world.dataSource.destroy();
      await backend.finish();
    });

    describe('delivery ledger', () => {
      const delivery = (accountId: string, id: string, createdAt = T0) => ({
        id: `${accountId}-${id}`,
        kind: 'voicemail' as const,
        accountId,
        hotlineId: 'hl',
        callId: id,
        createdAt,
        record: { caller: '+33698765432', legs: ['Zoé Lefèvre — mobile'] },
      });

      it('adds a delivery once, merges its steps and closes it', async () => {
        const accountId = await newAccount();
        const d = delivery(accountId, 'call-1');
        expect([
          await ledger.addDelivery(d),
          await ledger.addDelivery({ ...d, record: { caller: 'other', legs: [] } }),
        ]).toEqual([true, false]);
        await ledger.recordStep(d.id, { step: 'email', result: '<m1@x>', at: T0 + 1 });
        await ledger.recordStep(d.id, { step: 'sms:+33612345678', result: 'sms-1', at: T0 + 2 });
        await ledger.noteAttemptFailed(d.id, `Error: ${'x'.repeat(2000)}`, T0 + 3);
        const pending = await ledger.delivery(d.id);
        expect(pending).toMatchObject({
          ...d,
          status: 'pending',
          steps: { email: '<m1@x>', 'sms:+33612345678': 'sms-1' },
          updatedAt: T0 + 3,
        });
        expect(pending?.lastError).toHaveLength(1000);
        await ledger.finishDelivery(d.id, { status: 'delivered', at: T0 + 4 });
        expect(await ledger.delivery(d.id)).toMatchObject({
          status: 'delivered',
          lastError: pending?.lastError,
          updatedAt: T0 + 4,
        });
        await ledger.finishDelivery(d.id, { status: 'failed', at: T0 + 5, error: 'PermanentDeliveryError: 550' });
        expect(await ledger.delivery(d.id)).toMatchObject({
          status: 'failed',
          lastError: 'PermanentDeliveryError: 550',
        });
        expect(await ledger.delivery(`${accountId}-nothing`)).toBeUndefined();
      });

      it('keeps every step recorded at once, whatever the step name and result hold', async () => {
        const accountId = await newAccount();
        const d = delivery(accountId, 'call-2');
        await ledger.addDelivery(d);
        const steps: Record<string, string> = Object.fromEntries([
          ...Array.from({ length: 8 }, (_, i) => [`sms:+3361234567${i}`, `sms-${i}`]),
          ['email', '<m1@x> (refused: "zoé"@example.org, \\ back)'],
          ['odd "step" \\ name', 'done'],
          ['$.dotted.name', '{"not": "json"}'],
        ]);
        await Promise.all(
          Object.entries(steps).map(([step, result], i) => ledger.recordStep(d.id, { step, result, at: T0 + i })),
        );
        await ledger.recordStep(d.id, { step: 'sms:+33612345670', result: 'sms-0 again', at: T0 + 20 });
        expect(await ledger.delivery(d.id)).toMatchObject({
          status: 'pending',
          steps: { ...steps, 'sms:+33612345670': 'sms-0 again' },
          updatedAt: T0 + 20,
        });
      });

      it.each([
        ['email', '<m2@x> (refused: "zoé"@example.org)'],
        ['odd "step" \\ name', 'done'],
      ])('closes a delivery with its last step %j in the same write', async (step, result) => {
        const accountId = await newAccount();
        const d = delivery(accountId, 'call-3');
        await ledger.addDelivery(d);
        await ledger.recordStep(d.id, { step: 'none', result: 'first', at: T0 + 1 });
        await ledger.finishDelivery(d.id, { status: 'delivered', at: T0 + 2, step: { step, result } });
        expect(await ledger.delivery(d.id)).toMatchObject({
          status: 'delivered',
          steps: { none: 'first', [step]: result },
          lastError: null,
          updatedAt: T0 + 2,
        });
      });

      it('lists pending deliveries oldest first, in batches, before an instant', async () => {
        // The ledger is read across accounts (the reconcile pass): date these rows before anything
        // other suites leave in the shared database, so only they fall before `createdBefore`.
        const P0 = parseInstant('1971-03-28T01:17:00Z');
        const accountId = await newAccount();
        for (const [id, at] of [
          ['c', P0],
          ['a', P0],
          ['b', P0 - 1000],
          ['d', P0 + 1000],
          ['e', P0 - 500],
        ] as const) {
          await ledger.addDelivery(delivery(accountId, id, at));
        }
        await ledger.finishDelivery(`${accountId}-e`, { status: 'delivered', at: P0 });
        const ids = (batch: { id: string }[]) => batch.map((d) => d.id.replace(`${accountId}-`, ''));
        const before = { createdBefore: P0 + 1, limit: 1000 };
        expect(ids(await ledger.pendingDeliveries(before))).toEqual(['b', 'a', 'c']);
        expect(ids(await ledger.pendingDeliveries({ ...before, limit: 2 }))).toEqual(['b', 'a']);
        expect(ids(await ledger.pendingDeliveries({ ...before, limit: 2, after: `${accountId}-a` }))).toEqual(['c']);
        expect(ids(await ledger.pendingDeliveries({ ...before, after: `${accountId}-c` }))).toEqual([]);
      });
    });

    describe('hotline documents', () => {
      it('writes compare-and-set, counts what each owes, and goes with its hotline', async () => {
        const accountId = await newAccount();
        await world.hotline(accountId, 'hl');
        await world.hotline(accountId, 'hl-2');
        const hl = { accountId, hotlineId: 'hl' };
        expect(await documents.document(hl, 'gap-alerts')).toBeUndefined();
        expect(
          await documents.saveDocument(hl, 'gap-alerts', {
            expectedVersion: 0,
            body: { announced: ['é'] },
            at: T0,
            pending: 2,
          }),
        ).toBe(1);
        await expect(
          documents.saveDocument(hl, 'gap-alerts', { expectedVersion: 0, body: {}, at: T0 }),
        ).rejects.toBeInstanceOf(VersionConflictError);
        expect(
          await documents.saveDocument(hl, 'gap-alerts', {
            expectedVersion: 1,
            body: { announced: [] },
            at: T0 + 1,
            pending: 1,
          }),
        ).toBe(2);
        await expect(
          documents.saveDocument(hl, 'gap-alerts', { expectedVersion: 1, body: {}, at: T0 }),
        ).rejects.toBeInstanceOf(VersionConflictError);
        expect(await documents.document(hl, 'gap-alerts')).toEqual({
          version: 2,
          body: { announced: [] },
          updatedAt: T0 + 1,
        });
        await documents.saveDocument({ accountId, hotlineId: 'hl-2' }, 'gap-alerts', {
          expectedVersion: 0,
          body: {},
          at: T0,
        });
        await documents.saveDocument({ accountId, hotlineId: 'hl-2' }, 'settings', {
          expectedVersion: 0,
          body: {},
          at: T0,
          pending: 5,
        });

        expect((await documents.pendingDocuments('gap-alerts')).filter((h) => h.accountId === accountId)).toEqual([hl]);
        expect((await documents.allHotlines()).filter((h) => h.accountId === accountId)).toEqual([
          hl,
          { accountId, hotlineId: 'hl-2' },
        ]);
        await world.repos.hotlines.delete(accountId, 'hl');
        expect(await documents.document(hl, 'gap-alerts')).toBeUndefined();
      });

      it('saves a first version and over a stored one in one statement each (the gap checks write a document each time)', async () => {
        const accountId = await newAccount();
        await world.hotline(accountId, 'hl');
        const hl = { accountId, hotlineId: 'hl' };
        statements.length = 0;
        await documents.saveDocument(hl, 'gap-alerts', { expectedVersion: 0, body: {}, at: T0 });
        expect(statements.map((sql) => sql.split(' ')[0])).toEqual(['INSERT']);
        statements.length = 0;
        expect(await documents.saveDocument(hl, 'gap-alerts', { expectedVersion: 1, body: { n: 2 }, at: T0 })).toBe(2);
        expect(statements.map((sql) => sql.split(' ')[0])).toEqual(['UPDATE']);
        await expect(
          documents.saveDocument(hl, 'gap-alerts', { expectedVersion: 1, body: {}, at: T0 }),
        ).rejects.toBeInstanceOf(VersionConflictError);
        expect((await documents.document(hl, 'gap-alerts'))?.body).toEqual({ n: 2 });
      });

      it('refuses a document for a hotline the account does not have', async () => {
        const accountId = await newAccount();
        const error = await documents
          .saveDocument({ accountId, hotlineId: 'nope' }, 'gap-alerts', { expectedVersion: 0, body: {}, at: T0 })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect(error).toMatchObject({ code: 'UNKNOWN_HOTLINE', field: 'hotlineId' });
      });
    });

    describe('voicemail links', () => {
      it('opens the recording until the link expires, and stores only the hash of its token', async () => {
        const accountId = await newAccount();
        const recording = 'https://api.nexmo.com/v1/files/aaaaaaaa-bbbb-cccc-dddd-0123456789ab';
        const { url } = await links.issueVoicemailLink({
          accountId,
          callId: 'call-1',
          recording,
          expiresAt: T0 + 3_600_000,
        });
        const match = /^https:\/\/hotline\.example\.org\/voicemail\/([A-Za-z0-9_-]{43})$/.exec(url);
        expect(match).not.toBeNull();
        const token = match![1];
        expect(await links.resolveVoicemailLink(token, T0)).toEqual({
          accountId,
          callId: 'call-1',
          recording,
          expiresAt: T0 + 3_600_000,
        });
        expect(await links.resolveVoicemailLink(token, T0 + 3_600_000)).toBeUndefined();
        expect(
          await links.resolveVoicemailLink(`${token.slice(0, 42)}${token[42] === 'A' ? 'B' : 'A'}`, T0),
        ).toBeUndefined();
        expect(await links.resolveVoicemailLink('../../etc/passwd', T0)).toBeUndefined();
        const rows: { token_hash: string }[] = await world.dataSource.query(
          'SELECT token_hash FROM voicemail_links WHERE account_id = ?',
          [accountId],
        );
        expect(rows.map((r) => r.token_hash)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
        expect(JSON.stringify(rows)).not.toContain(token);
      });

      it('gives a different link each time and purges expired ones', async () => {
        const accountId = await newAccount();
        const request = { accountId, callId: 'call-1', recording: 'r', expiresAt: T0 };
        const [a, b] = [await links.issueVoicemailLink(request), await links.issueVoicemailLink(request)];
        expect(a.url).not.toBe(b.url);
        expect(await links.purgeExpired(T0)).toBeGreaterThanOrEqual(2);
        expect(
          await world.dataSource.query('SELECT token_hash FROM voicemail_links WHERE account_id = ?', [accountId]),
        ).toEqual([]);
      });

      it('refuses a public URL that is not http(s)', () => {
        expect(() => new SqlVoicemailLinks(world.dataSource, { publicUrl: 'ftp://x' })).toThrow(ValidationError);
      });
    });
  });
}
