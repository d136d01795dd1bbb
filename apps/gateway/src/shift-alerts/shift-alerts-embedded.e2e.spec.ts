/**
 * Shift-start alerts in the embedded default (no REDIS_URL): set up over GraphQL, planned after the
 * schedule writes announced on the bus, run on the gateway's in-process queue, texted through the
 * simulator. The clock stands still; the in-process queue waits real time for `runAt − now`.
 */
import type { SimulatedSms } from '@dutyline/simulator';
import { ManualClock } from '@dutyline/domain/testing';
import { SMS_CARRIER } from '../carrier/carrier.tokens';
import { eventually, maintenanceHotline } from '../notifications/testing/notification-fixtures';
import { CLOCK } from '../platform/platform.tokens';
import { GQL, dataOf } from '../testing/feature-fixtures';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';

jest.setTimeout(90_000);

const UPDATE =
  'mutation($input: UpdateShiftAlertSettingsInput!) { updateShiftAlertSettings(input: $input) { enabled } }';
const MOVE = 'mutation($input: MoveSlotInput!) { moveSlot(input: $input) { version updated { id start end } } }';
/** 22:00 Paris on 2026-03-28, the night clocks go forward: the alert is due at 20:30 UTC. */
const NIGHT = { start: '2026-03-28T22:00', end: '2026-03-29T06:00' };
const ALERT_AT = Date.parse('2026-03-28T20:30:00Z');

describe('shift-start alerts in the embedded default', () => {
  let gateway: GatewayHarness;
  afterEach(() => gateway?.close());

  /** A gateway running its jobs, Alice on a Paris hotline with alerts 30 min before by SMS, `secondsAhead` before the alert. */
  async function world(secondsAhead: number, acknowledge: { withinMinutes: number } | null = null) {
    const clock = new ManualClock(ALERT_AT - secondsAhead * 1000);
    gateway = await startGateway({
      database: 'sqlite',
      env: { EMBEDDED_JOBS: 'true' },
      override: (builder) => builder.overrideProvider(CLOCK).useValue(clock),
    });
    const account = await gateway.newAccount();
    const token = account.tokens.supervisor;
    const { hotlineId } = await maintenanceHotline(gateway, account);
    const people = await dataOf(gateway.graphql('{ people(first: 5) { edges { node { id } } } }', {}, { token }));
    const alice = people.people.edges[0].node.id as string;
    await dataOf(
      gateway.graphql(
        UPDATE,
        { input: { hotlineId, enabled: true, minutesBefore: 30, channels: ['SMS'], acknowledge } },
        { token },
      ),
    );
    const created = await dataOf(
      gateway.graphql(
        GQL.CREATE_SLOTS,
        { input: { hotlineId, slots: [{ ...NIGHT, assignees: [{ kind: 'PERSON', id: alice }] }] } },
        { token },
      ),
    );
    const texts = () => (gateway.app.get(SMS_CARRIER) as unknown as { sms: SimulatedSms[] }).sms;
    const logged = (msg: string) => gateway.logs.filter((line) => line.msg === msg);
    return { token, hotlineId, slotId: created.createSlots.added[0].id as string, texts, logged };
  }

  it('texts the person going on duty once, at start − 30 min, with a link that acknowledges', async () => {
    const w = await world(12, { withinMinutes: 15 });
    await eventually(() => expect(w.texts()).toHaveLength(1), 30_000);
    const [sms] = w.texts();
    expect(sms.to).toBe('+33612345678');
    expect(sms.text).toMatch(
      /^Shift start on Maintenance: you are on duty \(level 1\) from 28\/03\/2026 22:00 to 29\/03\/2026 06:00 \(Europe\/Paris\)\.\nPlease acknowledge: http:\/\/localhost:\d+\/shift-alerts\/ack\/[A-Za-z0-9_-]{43}$/,
    );
    const link = new URL(sms.text.split(': ').at(-1)!);
    const page = await gateway.get(link.pathname);
    expect([page.status, await page.text()]).toEqual([200, expect.stringContaining('is acknowledged')]);
  });

  it('a slot moved after its alert was queued: the queued job is taken back, nothing is texted at the old instant', async () => {
    const w = await world(14);
    const id = `shift-alert:${w.hotlineId}:`;
    const plannedWith = (field: string) =>
      w.logged('shift-alerts.plan done').filter((l) => JSON.stringify(l[field] ?? []).includes(id));
    await eventually(() => expect(plannedWith('queued')).toHaveLength(1), 30_000);
    const plannedAt = Date.now();
    await dataOf(
      gateway.graphql(
        MOVE,
        { input: { hotlineId: w.hotlineId, id: w.slotId, start: '2026-03-28T23:00' } },
        { token: w.token },
      ),
    );
    await eventually(() => expect(plannedWith('cancelled')).toHaveLength(1), 30_000);
    expect(plannedWith('queued').at(-1)?.queued).toEqual([expect.stringMatching(/:2026-03-28T22:00:00\.000Z$/)]);
    // Past the instant the old job was due (at most 14 s after its plan).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, plannedAt + 15_000 - Date.now())));
    expect(w.logged('shift-alert.send done')).toEqual([]);
    expect(w.texts()).toEqual([]);
  });
});
