/**
 * An all-at-once level (F26) on Vonage, replayed over HTTP: signed webhooks to the gateway on MariaDB,
 * its REST calls to the fake Vonage API. Bob and Carol ring together as two outbound calls; the first
 * to press 1 joins the caller's conversation and the other leg is hung up; when both legs end without
 * anyone, the caller's leg is transferred to the supervisor's step.
 */
import type { CallStore } from '@dutyline/application';
import { describeWithMariaDb } from '@dutyline/test-support';
import { type Ncco, createVonageVoiceClient } from '@dutyline/vonage';
import {
  FakeVonageApi,
  answerPayload,
  callEventPayload,
  inputEventPayload,
  machineEventPayload,
  nativeVonageSdk,
  testApplicationKeys,
} from '@dutyline/vonage/testing';
import { type CallRoutingSettings, readCallRoutingSettings } from '../calls/call-routing-settings';
import { CALL_ROUTING_SETTINGS, CALL_STORE } from '../calls/calls.tokens';
import { VONAGE_VOICE_API } from '../carrier/carrier.tokens';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';
import { type SampleAccount, dataOf, seedSample } from '../testing/feature-fixtures';
import { inputUrlOf, nccoAction, signedVonageLine } from '../testing/signed-vonage-line';
import type { VonageSettings } from './vonage-settings';
import { VONAGE_SETTINGS } from './vonage.tokens';

jest.setTimeout(60_000);

const SECRET = 'vonage-signature-secret-for-group-tests-012345';
const PUBLIC_URL = 'https://dutyline.example.com';
const SETTINGS: VonageSettings = {
  publicUrl: PUBLIC_URL,
  signatures: { verify: true, secret: SECRET, apiKey: null },
  ringbackToneUrl: null,
};
const ALICE = '33612345601';
const BOB = '33612345602';
const CAROL = '33612345603';
/** The fake numbers the calls it creates in order: 1, 2, … since its last reset. */
const fakeUuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** From two days back to two days on: covers now in any zone. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** One outbound leg the gateway placed: its number, its uuid at the fake, its event and pick-up URLs. */
interface PlacedLeg {
  readonly to: string;
  readonly uuid: string;
  readonly eventUrl: string;
  readonly answerUrl: string;
  /** What the NCCO's `notify` sends back. */
  readonly payload: unknown;
}

/** Polls `read` every 25 ms for up to 15 s (a loaded CI machine takes seconds for a webhook's effects). */
async function until<T>(read: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 600; i += 1) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describeWithMariaDb('an all-at-once level on Vonage (REST legs)', () => {
  let api: FakeVonageApi;
  let gateway: GatewayHarness;
  let sample: SampleAccount;
  const line = () => signedVonageLine(gateway, { secret: SECRET, publicUrl: PUBLIC_URL });

  /** A gateway instance on MariaDB and the fake REST API. */
  async function startInstance(routing: Partial<CallRoutingSettings> = {}): Promise<GatewayHarness> {
    const rest = await createVonageVoiceClient(
      { applicationId: 'app-under-test', privateKey: testApplicationKeys().privateKey, apiHost: api.url },
      { sdk: nativeVonageSdk() },
    );
    return startGateway({
      database: 'mariadb',
      override: (builder) =>
        builder
          .overrideProvider(VONAGE_SETTINGS)
          .useValue(SETTINGS)
          .overrideProvider(VONAGE_VOICE_API)
          .useValue(rest)
          .overrideProvider(CALL_ROUTING_SETTINGS)
          .useValue({ ...readCallRoutingSettings({}), ...routing }),
    });
  }

  /** A gateway on the fake REST API, its account's hotline ringing Bob and Carol all at once now. */
  async function startWorld(routing: Partial<CallRoutingSettings> = {}): Promise<void> {
    gateway = await startInstance(routing);
    const account = await gateway.newAccount();
    sample = await seedSample(gateway, account);
    await hotlineAsks({ levelStrategies: ['ALL_AT_ONCE'], requireAnswerConfirmation: true });
    await dataOf(
      gateway.graphql(
        'mutation($input: CreateSlotsInput!) { createSlots(input: $input) { version } }',
        {
          input: {
            hotlineId: sample.hotlineId,
            slots: [
              { start: `${day(-2)}T00:00`, end: `${day(2)}T00:00`, assignees: [{ kind: 'TEAM', id: sample.crew }] },
            ],
          },
        },
        { token: account.tokens.supervisor },
      ),
    );
  }

  beforeAll(async () => {
    api = await FakeVonageApi.start();
    await startWorld();
  });
  afterAll(async () => {
    await gateway?.close();
    await api?.close();
  });
  beforeEach(() => api.reset());

  const hotlineAsks = (input: Record<string, unknown>) =>
    dataOf(
      gateway.graphql(
        'mutation($input: UpdateHotlineInput!) { updateHotline(input: $input) { id } }',
        { input: { id: sample.hotlineId, ...input } },
        { token: sample.account.tokens.supervisor },
      ),
    );
  /** The `notify` a group leg's NCCO runs when the callee picks up. */
  const pickUp = (leg: PlacedLeg) =>
    line().post(leg.answerUrl, {
      payload: leg.payload,
      uuid: leg.uuid,
      conversation_uuid: `CON-${leg.uuid}`,
      timestamp: new Date().toISOString(),
    });

  /** The caller dials the hotline: the NCCO, our call id, and the two legs once the fake received both. */
  async function callIn(callerUuid: string): Promise<{ ncco: Ncco | null; callId: string; legs: PlacedLeg[] }> {
    const answer = await line().answer(
      answerPayload({
        to: sample.hotlineNumber.slice(1),
        from: '33698765400',
        uuid: callerUuid,
        conversation_uuid: `CON-${callerUuid}`,
      }),
    );
    expect(answer.status).toBe(200);
    const created = await until(() => {
      const requests = api.requestsTo('create-call');
      return requests.length >= 2 ? requests : undefined;
    }, 'two POST /v1/calls');
    const legs = created.map((request, index) => {
      const body = request.json as {
        to: { number: string }[];
        event_url: string[];
        ncco: { eventUrl: string[]; payload: unknown }[];
      };
      return {
        to: body.to[0].number,
        uuid: fakeUuid(index + 1),
        eventUrl: body.event_url[0],
        answerUrl: body.ncco[0].eventUrl[0],
        payload: body.ncco[0].payload,
      };
    });
    return { ncco: answer.ncco, callId: /\/vonage\/legs\/([^/]+)\//.exec(legs[0].eventUrl)![1], legs };
  }

  const callLog = async (callId: string) =>
    (
      await dataOf(
        gateway.graphql(
          'query($id: ID!) { call(id: $id) { legs { number outcome } } }',
          { id: callId },
          { token: sample.account.tokens.supervisor },
        ),
      )
    ).call?.legs as { number: string; outcome: string }[] | undefined;
  /** The call log's legs as `<number> <outcome>`, once it shows `expected` (the log is written behind the webhooks). */
  const logShows = (callId: string, expected: string[]) =>
    until(
      async () => {
        const legs = ((await callLog(callId)) ?? []).map((leg) => `${leg.number} ${leg.outcome}`);
        return expected.every((entry) => legs.includes(entry)) ? legs : undefined;
      },
      `the call log to show ${expected.join(', ')}`,
    );
  const updates = () => api.requestsTo('update-call').map((r) => ({ uuid: r.path.split('/').pop(), ...r.json }));

  it('rings both legs through the REST API; Carol presses 1, joins the caller, and Bob is hung up', async () => {
    const { ncco, callId, legs } = await callIn(`group-win-${Date.now()}`);
    const hold = nccoAction(ncco, 'conversation');
    // No VONAGE_RINGBACK_TONE_URL: the caller still hears the gateway's own ringback, never silence.
    expect(hold).toMatchObject({
      startOnEnter: false,
      endOnExit: true,
      musicOnHoldUrl: [`${PUBLIC_URL}/vonage/hold-tone.wav`],
    });
    expect(nccoAction(ncco, 'connect')).toBeUndefined();
    expect(legs.map((leg) => leg.to).sort()).toEqual([BOB, CAROL]);
    const carol = legs.find((leg) => leg.to === CAROL)!;
    const bob = legs.find((leg) => leg.to === BOB)!;

    for (const leg of legs) {
      expect(
        (await line().post(leg.eventUrl, callEventPayload('ringing', { uuid: leg.uuid, to: leg.to }))).status,
      ).toBe(204);
    }
    await line().post(carol.eventUrl, callEventPayload('answered', { uuid: carol.uuid, to: CAROL }));
    const announcement = await pickUp(carol);
    expect(nccoAction(announcement.ncco, 'talk')?.text).toMatch(/press 1/i);
    expect(inputUrlOf(announcement.ncco)).toMatch(/\/group-input$/);

    const joined = await line().post(inputUrlOf(announcement.ncco), inputEventPayload('1', { uuid: carol.uuid }));
    expect(joined.ncco).toEqual([{ action: 'conversation', name: hold!.name, startOnEnter: true, endOnExit: true }]);

    await until(() => (updates().length > 0 ? true : undefined), 'the hangup of the other leg');
    expect(updates()).toEqual([{ uuid: bob.uuid, action: 'hangup' }]);
    // Bob's leg ends as hung up, then Carol's when the call is over: neither changes the outcome.
    await line().post(bob.eventUrl, callEventPayload('cancelled', { uuid: bob.uuid, to: BOB }));
    await line().post(carol.eventUrl, callEventPayload('completed', { uuid: carol.uuid, to: CAROL, duration: '60' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(updates()).toHaveLength(1);
    expect((await logShows(callId, [`+${BOB} CANCELLED`, `+${CAROL} CONFIRMED`])).sort()).toEqual([
      `+${BOB} CANCELLED`,
      `+${CAROL} CONFIRMED`,
    ]);
  });

  it('serves its hold tone as a cacheable WAV to anyone (no signature), GET and HEAD', async () => {
    const tone = await gateway.get('/vonage/hold-tone.wav');
    expect(tone.status).toBe(200);
    expect(tone.headers.get('content-type')).toBe('audio/wav');
    expect(tone.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const wav = Buffer.from(await tone.arrayBuffer());
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
    // The ringback's cycle: a tone then silence.
    expect(wav.subarray(44, 44 + 8000).some((byte) => byte !== 0)).toBe(true);
    expect(wav.subarray(wav.length - 8000).every((byte) => byte === 0)).toBe(true);
    const head = await fetch(`${gateway.url}/vonage/hold-tone.wav`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(wav.length));
  });

  it('both legs end unanswered: the caller is transferred to the supervisor', async () => {
    const callerUuid = `group-none-${Date.now()}`;
    const { callId, legs } = await callIn(callerUuid);

    await line().post(legs[0].eventUrl, callEventPayload('timeout', { uuid: legs[0].uuid, to: legs[0].to }));
    expect(updates()).toEqual([]);
    await line().post(legs[1].eventUrl, callEventPayload('unanswered', { uuid: legs[1].uuid, to: legs[1].to }));

    await until(() => (updates().length > 0 ? true : undefined), 'the transfer of the caller');
    // Vonage delivers an event twice, the answer webhook is retried: the caller moves on once, the legs ring once.
    await line().post(legs[1].eventUrl, callEventPayload('unanswered', { uuid: legs[1].uuid, to: legs[1].to }));
    await line().answer(answerPayload({ to: sample.hotlineNumber.slice(1), from: '33698765400', uuid: callerUuid }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(updates()).toHaveLength(1);
    expect(api.requestsTo('create-call')).toHaveLength(2);
    const [transfer] = updates() as { uuid: string; action: string; destination: { ncco: Ncco } }[];
    expect(transfer).toMatchObject({ uuid: callerUuid, action: 'transfer', destination: { type: 'ncco' } });
    const connect = nccoAction(transfer.destination.ncco, 'connect');
    expect(connect?.endpoint[0]).toMatchObject({ type: 'phone', number: ALICE });
    expect(await logShows(callId, [`+${BOB} NO_ANSWER`, `+${CAROL} NO_ANSWER`])).toEqual([
      `+${BOB} NO_ANSWER`,
      `+${CAROL} NO_ANSWER`,
      `+${ALICE} RINGING`,
    ]);
  });

  it('a transfer of the caller that Vonage refuses for a moment (500) is tried again: the caller still moves on', async () => {
    const callerUuid = `group-retry-${Date.now()}`;
    const { legs } = await callIn(callerUuid);
    api.failNext('update-call', { status: 500 });

    await line().post(legs[0].eventUrl, callEventPayload('timeout', { uuid: legs[0].uuid, to: legs[0].to }));
    await line().post(legs[1].eventUrl, callEventPayload('unanswered', { uuid: legs[1].uuid, to: legs[1].to }));

    await until(() => (updates().length === 2 ? true : undefined), 'the transfer tried again after the 500');
    const attempts = updates() as { uuid: string; action: string; destination: { ncco: Ncco } }[];
    expect(attempts.map(({ uuid, action }) => [uuid, action])).toEqual([
      [callerUuid, 'transfer'],
      [callerUuid, 'transfer'],
    ]);
    expect(nccoAction(attempts[1].destination.ncco, 'connect')?.endpoint[0]).toMatchObject({ number: ALICE });
  });

  it('a callee who hangs up during the announcement declined; with the other unanswered the caller moves on', async () => {
    const callerUuid = `group-hung-${Date.now()}`;
    const { callId, legs } = await callIn(callerUuid);
    const carol = legs.find((leg) => leg.to === CAROL)!;
    const bob = legs.find((leg) => leg.to === BOB)!;
    await line().post(carol.eventUrl, callEventPayload('answered', { uuid: carol.uuid, to: CAROL }));
    expect(nccoAction((await pickUp(carol)).ncco, 'input')).toBeDefined();
    await line().post(carol.eventUrl, callEventPayload('completed', { uuid: carol.uuid, to: CAROL, duration: '4' }));
    expect(updates()).toEqual([]);
    await line().post(bob.eventUrl, callEventPayload('unanswered', { uuid: bob.uuid, to: BOB }));
    await until(() => (updates().length > 0 ? true : undefined), 'the transfer of the caller');
    expect(updates()).toMatchObject([{ uuid: callerUuid, action: 'transfer' }]);
    expect((await logShows(callId, [`+${CAROL} DECLINED`, `+${BOB} NO_ANSWER`])).sort()).toEqual(
      [`+${ALICE} RINGING`, `+${BOB} NO_ANSWER`, `+${CAROL} DECLINED`].sort(),
    );
  });

  it('the caller hanging up while the group rings hangs up every leg through the REST API', async () => {
    const callerUuid = `group-gone-${Date.now()}`;
    const { callId, legs } = await callIn(callerUuid);
    const gone = await line().post(
      '/vonage/event',
      callEventPayload('completed', { uuid: callerUuid, direction: 'inbound', duration: '12' }),
    );
    expect(gone.status).toBe(204);
    await until(() => (updates().length >= 2 ? true : undefined), 'both legs hung up');
    expect(updates().sort((a, b) => String(a.uuid).localeCompare(String(b.uuid)))).toEqual([
      { uuid: legs[0].uuid, action: 'hangup' },
      { uuid: legs[1].uuid, action: 'hangup' },
    ]);
    expect(await logShows(callId, [`+${BOB} CANCELLED`, `+${CAROL} CANCELLED`])).toHaveLength(2);
  });

  describe('across two gateway instances sharing MariaDB', () => {
    let other: GatewayHarness;
    const otherLine = () => signedVonageLine(other, { secret: SECRET, publicUrl: PUBLIC_URL });
    beforeAll(async () => {
      other = await startInstance();
    });
    afterAll(() => other?.close());
    /** The uuids the stored call holds for its legs, once it holds `count`. */
    const storedLegIds = (callId: string, count: number) =>
      until(async () => {
        const call = await other.app.get<CallStore>(CALL_STORE).load(callId);
        const ids = (call?.timeline.legs ?? []).flatMap((leg) => (leg.carrierLegId ? [leg.carrierLegId] : []));
        return ids.length >= count ? ids : undefined;
      }, `${count} leg uuids stored`);

    it("legs placed by A, Carol's 1 on B: B hangs Bob's ringing leg up by the uuid the call store holds", async () => {
      const callerUuid = `group-two-${Date.now()}`;
      const { callId, legs } = await callIn(callerUuid);
      const carol = legs.find((leg) => leg.to === CAROL)!;
      const bob = legs.find((leg) => leg.to === BOB)!;
      expect((await storedLegIds(callId, 2)).sort()).toEqual([bob.uuid, carol.uuid].sort());
      // Vonage retries the answer webhook on B: the legs are not placed again.
      const retried = await otherLine().answer(
        answerPayload({ to: sample.hotlineNumber.slice(1), from: '33698765400', uuid: callerUuid }),
      );
      expect(nccoAction(retried.ncco, 'conversation')).toMatchObject({ startOnEnter: false });

      const announcement = await otherLine().post(carol.answerUrl, {
        payload: carol.payload,
        uuid: carol.uuid,
        conversation_uuid: `CON-${carol.uuid}`,
        timestamp: new Date().toISOString(),
      });
      expect(inputUrlOf(announcement.ncco)).toMatch(/\/group-input$/);
      const joined = await otherLine().post(
        inputUrlOf(announcement.ncco),
        inputEventPayload('1', { uuid: carol.uuid }),
      );
      expect(nccoAction(joined.ncco, 'conversation')).toMatchObject({ startOnEnter: true });

      await until(() => (updates().length > 0 ? true : undefined), 'the hangup of the other leg');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(updates()).toEqual([{ uuid: bob.uuid, action: 'hangup' }]);
      expect(api.requestsTo('create-call')).toHaveLength(2);
      expect((await logShows(callId, [`+${BOB} CANCELLED`, `+${CAROL} CONFIRMED`])).sort()).toEqual([
        `+${BOB} CANCELLED`,
        `+${CAROL} CONFIRMED`,
      ]);
    });

    it('both legs unanswered, the last event delivered to A and again to B: the caller is transferred once', async () => {
      const callerUuid = `group-two-none-${Date.now()}`;
      const { legs } = await callIn(callerUuid);
      await line().post(legs[0].eventUrl, callEventPayload('timeout', { uuid: legs[0].uuid, to: legs[0].to }));
      const last = callEventPayload('unanswered', { uuid: legs[1].uuid, to: legs[1].to });
      await Promise.all([line().post(legs[1].eventUrl, last), otherLine().post(legs[1].eventUrl, last)]);
      await until(() => (updates().length > 0 ? true : undefined), 'the transfer of the caller');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(updates()).toMatchObject([{ uuid: callerUuid, action: 'transfer' }]);
    });
  });

  it('a leg whose POST /v1/calls returns after the caller left is hung up as soon as its uuid comes back', async () => {
    api.failNext('create-call', { delayMs: 800 });
    const callerUuid = `group-late-${Date.now()}`;
    const { callId } = await callIn(callerUuid);
    // The fast leg's uuid is stored; the slow one is still being placed.
    await until(async () => {
      const call = await gateway.app.get<CallStore>(CALL_STORE).load(callId);
      return call?.timeline.legs.some((leg) => leg.carrierLegId !== null) ? true : undefined;
    }, 'the fast leg stored');
    await line().post('/vonage/event', callEventPayload('completed', { uuid: callerUuid, direction: 'inbound' }));
    await until(() => (updates().length >= 2 ? true : undefined), 'both legs hung up');
    expect(updates().sort((a, b) => String(a.uuid).localeCompare(String(b.uuid)))).toEqual([
      { uuid: fakeUuid(1), action: 'hangup' },
      { uuid: fakeUuid(2), action: 'hangup' },
    ]);
    expect(await logShows(callId, [`+${BOB} CANCELLED`, `+${CAROL} CANCELLED`])).toHaveLength(2);
  });

  it('a leg the REST API refuses counts as failed; the other leg rings on and the caller keeps waiting', async () => {
    api.failNext('create-call', { status: 500 });
    const { ncco, callId, legs } = await callIn(`group-fail-${Date.now()}`);
    expect(nccoAction(ncco, 'conversation')).toBeDefined();
    const [refused, rung] = legs;
    const log = await logShows(callId, [`+${refused.to} FAILED`]);
    expect(log.sort()).toEqual([`+${refused.to} FAILED`, `+${rung.to} RINGING`].sort());
    expect(updates()).toEqual([]);
  });

  it('without "press 1", the first leg to pick up joins at once, the other is hung up and, picking up late, released', async () => {
    await hotlineAsks({ requireAnswerConfirmation: false });
    try {
      const { ncco, callId, legs } = await callIn(`group-direct-${Date.now()}`);
      const [first, second] = legs;
      const joined = await pickUp(first);
      expect(joined.ncco).toEqual([
        { action: 'conversation', name: nccoAction(ncco, 'conversation')!.name, startOnEnter: true, endOnExit: true },
      ]);
      await until(() => (updates().length > 0 ? true : undefined), 'the hangup of the other leg');
      expect(updates()).toEqual([{ uuid: second.uuid, action: 'hangup' }]);
      const late = await pickUp(second);
      expect(nccoAction(late.ncco, 'conversation')).toBeUndefined();
      expect(nccoAction(late.ncco, 'input')).toBeUndefined();
      expect((await logShows(callId, [`+${second.to} CANCELLED`])).sort()).toEqual(
        [`+${first.to} ANSWERED`, `+${second.to} CANCELLED`].sort(),
      );
    } finally {
      await hotlineAsks({ requireAnswerConfirmation: true });
    }
  });

  describe('with machine detection', () => {
    beforeAll(async () => {
      await gateway.close();
      await startWorld({ machineDetection: true });
      await hotlineAsks({ requireAnswerConfirmation: false });
    });

    it('without "press 1", a pick-up is held until the verdict; a person is then moved into the conversation', async () => {
      const { ncco, legs } = await callIn(`group-amd-${Date.now()}`);
      const [first, second] = legs;
      const created = api.requestsTo('create-call')[0].json as Record<string, unknown>;
      expect(created['advanced_machine_detection']).toMatchObject({ behavior: 'hangup', mode: 'detect' });
      const held = await pickUp(first);
      expect(held.ncco).toEqual([{ action: 'talk', text: '<speak><break time="10s"/></speak>', loop: 0 }]);
      expect(updates()).toEqual([]);
      await line().post(first.eventUrl, machineEventPayload('human', { call_uuid: first.uuid }));
      await until(() => (updates().length >= 2 ? true : undefined), 'the join and the hangup');
      const name = nccoAction(ncco, 'conversation')!.name;
      expect(updates()).toEqual(
        expect.arrayContaining([
          {
            uuid: first.uuid,
            action: 'transfer',
            destination: {
              type: 'ncco',
              ncco: [{ action: 'conversation', name, startOnEnter: true, endOnExit: true }],
            },
          },
          { uuid: second.uuid, action: 'hangup' },
        ]),
      );
      expect(updates()).toHaveLength(2);
    });
  });
});
