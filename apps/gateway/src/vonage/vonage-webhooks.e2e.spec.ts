/**
 * Vonage payload sequences replayed over HTTP against the real gateway on MariaDB, signed as Vonage
 * signs them: every escalation path, the DST night, a schedule change mid-call, duplicated and
 * reordered events, bad signatures, an unknown number, and the database cut off through a proxy.
 */
import type { Application, Caller } from '@dutyline/application';
import { type CallRecord, type Hotline, type Instant, type Person, parseInstant } from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';
import { describeWithMariaDb, mariadbOptions, mariadbUrl } from '@dutyline/test-support';
import { type Ncco, type NccoAction, createVonageVoiceClient } from '@dutyline/vonage';
import {
  FakeVonageApi,
  answerPayload,
  callEventPayload,
  inputEventPayload,
  machineEventPayload,
  nativeVonageSdk,
  recordEventPayload,
  signVonageWebhook,
  testApplicationKeys,
} from '@dutyline/vonage/testing';
import { APPLICATION } from '../application/application.module';
import { type CallRoutingSettings, readCallRoutingSettings } from '../calls/call-routing-settings';
import { CALL_ROUTING_SETTINGS } from '../calls/calls.tokens';
import { VONAGE_VOICE_API } from '../carrier/carrier.tokens';
import { CLOCK } from '../platform/platform.tokens';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';
import { type TcpProxy, startTcpProxy } from '../testing/tcp-proxy';
import type { VonageSettings } from './vonage-settings';
import { VONAGE_SETTINGS } from './vonage.tokens';

jest.setTimeout(30_000);

const SECRET = 'vonage-signature-secret-for-tests-0123456789';
const PUBLIC_URL = 'https://dutyline.example.com';
/** 01:30 in Paris, half an hour before clocks go forward. */
const NIGHT = '2027-03-28T00:30:00Z';

/** Numbers of this run (hotline numbers are unique across the shared database). */
const run = String(Date.now() % 100_000).padStart(5, '0');
const num = (prefix: string, n: number) => `+33${prefix}${run}${String(n).padStart(2, '0')}`;
const N = {
  hotline: num('14', 1),
  dstHotline: num('14', 2),
  uncalledHotline: num('14', 3),
  unknown: num('14', 99),
  caller: num('69', 1),
  aliceMobile: num('61', 1),
  aliceHome: num('14', 11),
  bobMobile: num('62', 1),
  danMobile: num('64', 1),
  emergency: num('60', 1),
};
const digits = (e164: string) => e164.slice(1);

const routingSettings = (overrides: Partial<CallRoutingSettings> = {}): CallRoutingSettings => ({
  ...readCallRoutingSettings({}),
  emergencyNumbers: { '*': N.emergency },
  machineDetection: true,
  ...overrides,
});

/** A gateway with signed webhooks, NCCO URLs under PUBLIC_URL, the REST client (hang-ups) on the fake Vonage API. */
async function vonageGateway(options: {
  clock: ManualClock;
  api: FakeVonageApi;
  databaseUrl?: string;
  routing?: Partial<CallRoutingSettings>;
}) {
  const settings: VonageSettings = {
    publicUrl: PUBLIC_URL,
    signatures: { verify: true, secret: SECRET, apiKey: null },
    ringbackToneUrl: null,
  };
  const rest = await createVonageVoiceClient(
    { applicationId: 'app-under-test', privateKey: testApplicationKeys().privateKey, apiHost: options.api.url },
    { sdk: nativeVonageSdk() },
  );
  return startGateway({
    database: 'mariadb',
    env: options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {},
    override: (builder) =>
      builder
        .overrideProvider(CLOCK)
        .useValue(options.clock)
        .overrideProvider(VONAGE_SETTINGS)
        .useValue(settings)
        .overrideProvider(VONAGE_VOICE_API)
        .useValue(rest)
        .overrideProvider(CALL_ROUTING_SETTINGS)
        .useValue(routingSettings(options.routing)),
  });
}

interface Answer {
  readonly status: number;
  readonly ncco: Ncco | null;
  readonly ms: number;
}

/** Vonage's side of the line: signed GETs and POSTs to the gateway, in Vonage's formats. */
class VonageLine {
  constructor(
    private readonly gateway: GatewayHarness,
    private readonly clock: ManualClock,
  ) {}

  /** The answer webhook as a signed GET (Vonage's default). */
  answer(fields: Record<string, string>, signing: Signing = 'signed'): Promise<Answer> {
    return this.send({ method: 'GET', path: '/vonage/answer', fields, signing });
  }

  /** A signed POST of `body` to a path of ours or to a URL an NCCO named. */
  post(target: string, body: Record<string, unknown>, signing: Signing = 'signed'): Promise<Answer> {
    return this.send({ method: 'POST', path: pathOf(target), fields: body, signing });
  }

  get(target: string, fields: Record<string, string>, signing: Signing = 'signed'): Promise<Answer> {
    return this.send({ method: 'GET', path: pathOf(target), fields, signing });
  }

  private async send({
    method,
    path,
    fields,
    signing,
  }: {
    method: 'GET' | 'POST';
    path: string;
    fields: Record<string, unknown>;
    signing: Signing;
  }): Promise<Answer> {
    const rawQuery = method === 'GET' ? new URLSearchParams(fields as Record<string, string>).toString() : undefined;
    const rawBody = method === 'POST' ? JSON.stringify(fields) : undefined;
    const headers: Record<string, string> = method === 'POST' ? { 'content-type': 'application/json' } : {};
    if (signing !== 'unsigned') {
      headers.authorization = signVonageWebhook({
        secret: signing === 'forged' ? 'not-the-account-secret-at-all' : SECRET,
        issuedAt: this.clock.now(),
        ...(rawQuery !== undefined ? { rawQuery } : { rawBody }),
        ...(signing === 'tampered' ? { payloadHash: '0'.repeat(64) } : {}),
      });
    }
    const started = performance.now();
    const response = await fetch(`${this.gateway.url}${path}${rawQuery ? `?${rawQuery}` : ''}`, {
      method,
      headers,
      body: rawBody,
    });
    const text = await response.text();
    return { status: response.status, ncco: text === '' ? null : JSON.parse(text), ms: performance.now() - started };
  }
}
type Signing = 'signed' | 'unsigned' | 'forged' | 'tampered';

const pathOf = (target: string) => (target.startsWith('http') ? new URL(target).pathname : target);

/** The connect action of an NCCO, and the URLs it names. */
function connectOf(ncco: Ncco | null) {
  const connect = ncco?.find((a) => a.action === 'connect');
  if (!connect || connect.action !== 'connect') throw new Error(`no connect in ${JSON.stringify(ncco)}`);
  const endpoint = connect.endpoint[0];
  const notify = ncco!.find((a) => a.action === 'notify');
  return {
    to: endpoint.type === 'phone' ? `+${endpoint.number}` : endpoint.uri,
    from: connect.from,
    timeout: connect.timeout,
    eventUrl: connect.eventUrl?.[0] ?? '',
    confirmUrl: endpoint.type === 'phone' ? (endpoint.onAnswer?.url ?? null) : null,
    afterUrl: notify?.action === 'notify' ? notify.eventUrl[0] : '',
    machineDetection: connect.advancedMachineDetection ?? null,
    callId: /\/legs\/([^/]+)\//.exec(connect.eventUrl?.[0] ?? '')?.[1] ?? '',
  };
}

const CALL_FIELDS = `id outcome caller planSource hotlineName answeredAt durationSeconds timeToAnswerSeconds voicemailRecording
  answeredBy { personName number via } legs { step personName number outcome detail sipCode ringSeconds startedAt answeredAt endedAt }
  comments { text author { kind } }`;

describeWithMariaDb('Vonage webhooks on the real gateway (MariaDB)', () => {
  const clock = new ManualClock(NIGHT);
  let api: FakeVonageApi;
  let gateway: GatewayHarness;
  let line: VonageLine;
  let token: string;
  let caller: Caller;
  let app: Application;
  let people: Record<'alice' | 'bob' | 'dan', Person>;
  let hotline: Hotline;
  let dstHotline: Hotline;
  let uuids = 0;
  const uuid = (kind: string) => `${kind}-${run}-${String(++uuids).padStart(4, '0')}`;

  beforeAll(async () => {
    api = await FakeVonageApi.start({ publicKey: testApplicationKeys().publicKey });
    gateway = await vonageGateway({ clock, api });
    line = new VonageLine(gateway, clock);
    const account = await gateway.newAccount();
    token = account.apiKey;
    caller = { accountId: account.accountId, actor: { kind: 'user', id: account.users.admin.id } };
    app = gateway.app.get(APPLICATION);
    people = {
      alice: await app.directory.createPerson(caller, {
        name: 'Alice',
        contactNumbers: [
          { number: N.aliceMobile, label: 'mobile', ringTimeoutSeconds: 20 },
          { number: N.aliceHome, label: 'home', ringTimeoutSeconds: 30 },
        ],
      }),
      bob: await app.directory.createPerson(caller, {
        name: 'Bob',
        contactNumbers: [{ number: N.bobMobile, label: 'mobile', ringTimeoutSeconds: 25 }],
      }),
      dan: await app.directory.createPerson(caller, {
        name: 'Dan',
        contactNumbers: [{ number: N.danMobile, label: 'mobile', ringTimeoutSeconds: 25 }],
      }),
    };
    const created = await app.hotlines.createHotline(caller, {
      name: 'Chaufferie',
      number: N.hotline,
      timeZone: 'Europe/Paris',
      language: 'fr-FR',
      supervisorIds: [people.dan.id],
      greeting: { text: "Bonjour, nous recherchons la personne d'astreinte." },
    });
    const dst = await app.hotlines.createHotline(caller, {
      name: 'Nuit',
      number: N.dstHotline,
      timeZone: 'Europe/Paris',
      supervisorIds: [people.dan.id],
    });
    if (!created.ok || !dst.ok) throw new Error('hotlines not created');
    [hotline, dstHotline] = [created.value, dst.value];
    const ref = (p: Person) => ({ kind: 'person' as const, id: p.id });
    const slots = await app.schedule.createSlots(caller, hotline.id, {
      slots: [{ start: '2027-03-27T18:00', end: '2027-03-28T12:00', assignees: [ref(people.alice), ref(people.bob)] }],
    });
    // The DST night: Alice until 03:00 local (01:00 UTC, the jump), Bob from then on.
    const night = await app.schedule.createSlots(caller, dstHotline.id, {
      slots: [
        { start: '2027-03-27T20:00', end: '2027-03-28T03:00', assignees: [ref(people.alice)] },
        { start: '2027-03-28T03:00', end: '2027-03-28T09:00', assignees: [ref(people.bob)] },
      ],
    });
    if (!slots.ok || !night.ok) throw new Error('slots not created');
  });

  afterEach(() => {
    clock.set(NIGHT);
    api.reset();
  });

  afterAll(async () => {
    await gateway?.close();
    await api?.close();
  });

  const calledFrom = (to = N.hotline) => {
    const callerLeg = uuid('caller');
    return {
      callerLeg,
      fields: answerPayload({
        to: digits(to),
        from: digits(N.caller),
        uuid: callerLeg,
        conversation_uuid: `CON-${callerLeg}`,
      }),
    };
  };
  const legEvent = (status: string, leg: string, extra: Record<string, unknown> = {}) =>
    callEventPayload(status, {
      uuid: leg,
      to: '',
      from: digits(N.hotline),
      timestamp: new Date(clock.now()).toISOString(),
      ...extra,
    });
  const keyed = (keys: string, leg: string) =>
    inputEventPayload(keys, { uuid: leg, timestamp: new Date(clock.now()).toISOString() });
  const callerEnded = (callerLeg: string, duration: number) =>
    callEventPayload('completed', {
      uuid: callerLeg,
      direction: 'inbound',
      duration: String(duration),
      timestamp: new Date(clock.now()).toISOString(),
    });

  async function logged(callId: string): Promise<CallRecord & Record<string, unknown>> {
    const answer = await gateway.graphql(
      `query($id: ID!) { call(id: $id) { ${CALL_FIELDS} } }`,
      { id: callId },
      { token },
    );
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data.call;
  }

  /** A callee picks up the leg, hears the announcement and presses `keys` (or nothing). */
  async function pickUpAndPress(leg: ReturnType<typeof connectOf>, legUuid: string, keys: string) {
    expect((await line.post(leg.eventUrl, legEvent('answered', legUuid))).status).toBe(204);
    const announcement = await line.get(leg.confirmUrl!, {
      uuid: legUuid,
      conversation_uuid: `CON-${legUuid}`,
      to: digits(N.aliceMobile),
      from: digits(N.hotline),
    });
    const input = announcement.ncco?.find((a) => a.action === 'input');
    if (input?.action !== 'input') throw new Error(`no input in ${JSON.stringify(announcement.ncco)}`);
    return line.post(input.eventUrl![0], keyed(keys, legUuid));
  }

  it('answers on the first number: greeting, synchronous connect with onAnswer, the callee presses 1 and is joined', async () => {
    const { callerLeg, fields } = calledFrom();
    const answer = await line.answer(fields);
    expect(answer.status).toBe(200);
    expect(answer.ncco?.[0]).toEqual({
      action: 'talk',
      text: "Bonjour, nous recherchons la personne d'astreinte.",
      language: 'fr-FR',
    });
    const leg = connectOf(answer.ncco);
    expect(leg).toMatchObject({
      to: N.aliceMobile,
      from: digits(N.hotline),
      timeout: 20,
      machineDetection: { behavior: 'hangup', mode: 'detect' },
    });
    expect(leg.confirmUrl).toBe(`${PUBLIC_URL}/vonage/legs/${leg.callId}/0/confirm`);
    expect(answer.ncco?.find((a) => a.action === 'connect')).toMatchObject({
      eventType: 'synchronous',
      eventMethod: 'POST',
    });

    const aliceLeg = uuid('callee');
    for (const status of ['started', 'ringing'])
      expect((await line.post(leg.eventUrl, legEvent(status, aliceLeg))).status).toBe(204);
    clock.advance(12_000);
    const announcement = await line.get(leg.confirmUrl!, { uuid: aliceLeg, to: digits(N.aliceMobile) });
    expect(announcement.ncco?.[0]).toMatchObject({
      action: 'talk',
      text: expect.stringContaining('Chaufferie'),
      language: 'fr-FR',
      bargeIn: true,
    });
    expect(announcement.ncco?.[1]).toMatchObject({
      action: 'input',
      type: ['dtmf'],
      dtmf: { maxDigits: 1, timeOut: 5 },
    });
    expect((await line.post(leg.eventUrl, legEvent('answered', aliceLeg))).status).toBe(204);
    clock.advance(3000);
    const joined = await line.post(eventUrlOf(announcement.ncco?.[1]), keyed('1', aliceLeg));
    expect(joined).toMatchObject({ status: 200, ncco: [] });
    clock.advance(95_000);
    expect((await line.post('/vonage/event', callerEnded(callerLeg, 110))).status).toBe(204);

    expect(await logged(leg.callId)).toMatchObject({
      outcome: 'ANSWERED',
      caller: N.caller,
      planSource: 'SCHEDULE',
      timeToAnswerSeconds: 15,
      durationSeconds: 110,
      answeredBy: { personName: 'Alice', number: N.aliceMobile, via: 'ON_CALL' },
      legs: [{ personName: 'Alice', number: N.aliceMobile, outcome: 'CONFIRMED', ringSeconds: 12 }],
    });
    expect(api.requests).toEqual([]);
  });

  it('busy: the event URL answers the NCCO for the second number, which answers', async () => {
    const first = connectOf((await line.answer(calledFrom().fields)).ncco);
    clock.advance(3000);
    const busy = await line.post(first.eventUrl, legEvent('busy', uuid('callee'), { sip_code: 486 }));
    expect(busy.status).toBe(200);
    const second = connectOf(busy.ncco);
    expect(second).toMatchObject({ to: N.aliceHome, timeout: 30, callId: first.callId });
    expect(busy.ncco?.[0].action).toBe('connect');
    expect((await pickUpAndPress(second, uuid('callee'), '1')).ncco).toEqual([]);
    expect(await logged(first.callId)).toMatchObject({
      outcome: 'ANSWERED',
      answeredBy: { number: N.aliceHome },
      legs: [
        { number: N.aliceMobile, outcome: 'BUSY', sipCode: 486 },
        { number: N.aliceHome, outcome: 'CONFIRMED' },
      ],
    });
  });

  it('nobody answers: every number on duty, the supervisor, then the voicemail, recorded and logged', async () => {
    const { callerLeg, fields } = calledFrom();
    let leg = connectOf((await line.answer(fields)).ncco);
    const rung = [leg.to];
    for (const [status, extra] of [
      ['timeout', {}],
      ['unanswered', { detail: 'unavailable' }],
      ['failed', { detail: 'cannot_route' }],
    ] as const) {
      clock.advance(20_000);
      leg = connectOf((await line.post(leg.eventUrl, legEvent(status, uuid('callee'), extra))).ncco);
      rung.push(leg.to);
    }
    expect(rung).toEqual([N.aliceMobile, N.aliceHome, N.bobMobile, N.danMobile]);
    clock.advance(25_000);
    const voicemail = await line.post(
      leg.eventUrl,
      legEvent('rejected', uuid('callee'), { detail: 'declined', sip_code: 603 }),
    );
    const record = voicemail.ncco?.find((a) => a.action === 'record');
    expect(record).toMatchObject({
      action: 'record',
      beepStart: true,
      timeOut: 120,
      eventUrl: [`${PUBLIC_URL}/vonage/calls/${leg.callId}/recording`],
    });
    clock.advance(30_000);
    const recordingUrl = 'https://api.nexmo.com/v1/files/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    expect(
      (await line.post(eventUrlOf(record), recordEventPayload(recordingUrl, { conversation_uuid: `CON-${callerLeg}` })))
        .status,
    ).toBe(204);
    expect((await line.post('/vonage/event', callerEnded(callerLeg, 125))).status).toBe(204);

    const record_ = await logged(leg.callId);
    expect(record_).toMatchObject({
      outcome: 'VOICEMAIL',
      answeredBy: null,
      voicemailRecording: recordingUrl,
      durationSeconds: 125,
    });
    expect(record_.legs.map((l) => `${l.personName} ${l.outcome} ${l.detail ?? '-'} ${l.sipCode ?? '-'}`)).toEqual([
      'Alice NO_ANSWER - -',
      'Alice NO_ANSWER unavailable -',
      'Bob FAILED cannot_route -',
      'Dan REJECTED declined 603',
    ]);
  });

  it("a callee who does not press 1 is never joined: held, hung up through the API, and the caller's notify rings the next number", async () => {
    const first = connectOf((await line.answer(calledFrom().fields)).ncco);
    const aliceLeg = uuid('callee');
    clock.advance(8000);
    const released = await pickUpAndPress(first, aliceLeg, '');
    expect(released.ncco?.map((a) => a.action)).toEqual(['talk', 'talk']);
    expect(released.ncco?.[1]).toMatchObject({ loop: 0 });
    await waitFor(() => api.requestsTo('update-call').length === 1);
    expect(api.requestsTo('update-call')[0]).toMatchObject({
      path: `/v1/calls/${aliceLeg}`,
      json: { action: 'hangup' },
    });

    // The hung-up leg ends the connect: Vonage runs the notify, which rings the next number.
    expect((await line.post(first.eventUrl, legEvent('completed', aliceLeg))).status).toBe(204);
    const next = await line.post(first.afterUrl, { callId: first.callId, step: 0 });
    expect(connectOf(next.ncco)).toMatchObject({ to: N.aliceHome, callId: first.callId });
    expect((await logged(first.callId)).legs.map((l) => l.outcome)).toEqual(['NOT_CONFIRMED', 'RINGING']);
  });

  it('a machine detected on the leg: the event URL answers the next number (advanced detection hung the machine up)', async () => {
    const first = connectOf((await line.answer(calledFrom().fields)).ncco);
    const aliceLeg = uuid('callee');
    clock.advance(6000);
    expect((await line.post(first.eventUrl, legEvent('answered', aliceLeg))).status).toBe(204);
    const next = await line.post(
      first.eventUrl,
      machineEventPayload('machine', { call_uuid: aliceLeg, sub_state: 'beep_start' }),
    );
    expect(connectOf(next.ncco)).toMatchObject({ to: N.aliceHome });
    expect((await logged(first.callId)).legs.map((l) => l.outcome)).toEqual(['MACHINE', 'RINGING']);
    expect(api.requests).toEqual([]);
  });

  it.each<[string, Instant, string]>([
    ['01:59:59 before clocks go forward: Alice', parseInstant('2027-03-28T00:59:59Z'), 'alice'],
    ['03:00 CEST, the instant of the jump: Bob', parseInstant('2027-03-28T01:00:00Z'), 'bob'],
    ['03:30 CEST: Bob', parseInstant('2027-03-28T01:30:00Z'), 'bob'],
  ])('during the DST night (Europe/Paris 2027-03-28), a call at %s', async (_name, at, who) => {
    clock.set(at);
    const leg = connectOf((await line.answer(calledFrom(N.dstHotline).fields)).ncco);
    expect(leg.to).toBe(who === 'alice' ? N.aliceMobile : N.bobMobile);
  });

  it('a schedule change mid-call leaves the live call on its plan; the next call follows the change', async () => {
    const live = connectOf((await line.answer(calledFrom().fields)).ncco);
    expect(live.to).toBe(N.aliceMobile);
    const { slots } = valueOf(
      await app.schedule.slots(caller, hotline.id, { from: '2027-03-28T00:00', to: '2027-03-28T04:00' }),
    );
    valueOf(
      await app.schedule.reassignSlot(caller, hotline.id, {
        id: slots[0].id,
        assignees: [{ kind: 'person', id: people.bob.id }],
      }),
    );
    try {
      const next = connectOf((await line.post(live.eventUrl, legEvent('busy', uuid('callee')))).ncco);
      expect(next.to).toBe(N.aliceHome);
      expect(connectOf((await line.answer(calledFrom().fields)).ncco).to).toBe(N.bobMobile);
    } finally {
      valueOf(
        await app.schedule.reassignSlot(caller, hotline.id, {
          id: slots[0].id,
          assignees: [
            { kind: 'person', id: people.alice.id },
            { kind: 'person', id: people.bob.id },
          ],
        }),
      );
    }
  });

  it('duplicated and reordered events leave the same call log as the sequence delivered once, in order', async () => {
    async function play(messy: boolean) {
      clock.set(NIGHT);
      const { callerLeg, fields } = calledFrom();
      const answer = await line.answer(fields);
      if (messy) expect(await line.answer(fields)).toMatchObject({ status: 200, ncco: answer.ncco });
      const first = connectOf(answer.ncco);
      const [leg0, leg1] = [uuid('callee'), uuid('callee')];
      clock.advance(3000);
      const busy = legEvent('busy', leg0, { sip_code: 486 });
      const second = await line.post(first.eventUrl, busy);
      if (messy) expect(await line.post(first.eventUrl, busy)).toMatchObject({ status: 200, ncco: second.ncco });
      const leg = connectOf(second.ncco);
      clock.advance(7000);
      const answered = legEvent('answered', leg1);
      const announcement = await line.get(leg.confirmUrl!, { uuid: leg1 });
      const inputUrl = eventUrlOf(announcement.ncco?.[1]);
      clock.advance(4000);
      const pressed = keyed('1', leg1);
      if (!messy) await line.post(leg.eventUrl, answered);
      expect((await line.post(inputUrl, pressed)).ncco).toEqual([]);
      if (messy) {
        expect((await line.post(inputUrl, pressed)).ncco).toEqual([]);
        // The pick-up reported after the key, twice.
        await line.post(leg.eventUrl, answered);
        await line.post(leg.eventUrl, answered);
        // A stale busy of the first leg, after the call moved on.
        expect((await line.post(first.eventUrl, legEvent('failed', leg0))).status).toBe(204);
      }
      clock.advance(60_000);
      const ended = callerEnded(callerLeg, 74);
      await line.post('/vonage/event', ended);
      if (messy) await line.post('/vonage/event', ended);
      const { id: _id, ...record } = await logged(first.callId);
      return record;
    }
    const inOrder = await play(false);
    expect(inOrder).toMatchObject({
      outcome: 'ANSWERED',
      durationSeconds: 74,
      legs: [{ outcome: 'BUSY' }, { outcome: 'CONFIRMED', ringSeconds: 7 }],
    });
    expect(await play(true)).toEqual(inOrder);
  });

  it.each<[string, Signing]>([
    ['no signature', 'unsigned'],
    ['a forged signature (another secret)', 'forged'],
    ['a signature over another payload', 'tampered'],
  ])('refuses %s with 401 on every Vonage route, writing nothing', async (_name, signing) => {
    const { fields } = calledFrom();
    const answers = [
      await line.answer(fields, signing),
      await line.post('/vonage/answer', fields, signing),
      await line.post('/vonage/event', callEventPayload('completed'), signing),
      await line.post(
        '/vonage/fallback',
        {
          ...fields,
          reason: 'Socket timeout.',
          original_request: { url: `${PUBLIC_URL}/vonage/answer`, type: 'answer' },
        },
        signing,
      ),
      await line.post('/vonage/legs/some-call/0/event', legEvent('busy', 'x'), signing),
      await line.get('/vonage/legs/some-call/0/confirm', { uuid: 'x' }, signing),
      await line.post('/vonage/legs/some-call/0/confirm-input', keyed('1', 'x'), signing),
      await line.post('/vonage/legs/some-call/0/after', {}, signing),
      await line.post(
        '/vonage/calls/some-call/recording',
        recordEventPayload('https://api.nexmo.com/v1/files/x'),
        signing,
      ),
    ];
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 401));
    expect(answers[0].ncco).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const calls = await gateway.graphql(
      `{ calls(filter: { from: "2027-03-28T00:00:00Z" }, first: 100) { edges { node { carrierCallId } } } }`,
      {},
      { token },
    );
    expect(
      calls.body.data.calls.edges.map((e: { node: { carrierCallId: string } }) => e.node.carrierCallId),
    ).not.toContain(fields.uuid);
  });

  it('checks the signature over the body exactly as sent: indented JSON with integer-like keys, answered by POST', async () => {
    const { fields } = calledFrom();
    const rawBody = JSON.stringify({ ...fields, 1: 'kept in place', custom_data: { b: 2, a: 1 } }, null, 2).replace(
      '"to"',
      '"to" ',
    );
    const post = (authorization: string) =>
      fetch(`${gateway.url}/vonage/answer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: rawBody,
      });
    const signed = await post(signVonageWebhook({ secret: SECRET, issuedAt: clock.now(), rawBody }));
    expect(signed.status).toBe(200);
    expect(connectOf((await signed.json()) as Ncco).to).toBe(N.aliceMobile);
    const overReparsed = await post(
      signVonageWebhook({
        secret: SECRET,
        issuedAt: clock.now(),
        rawBody: JSON.stringify({ ...fields, custom_data: { a: 1, b: 2 } }),
      }),
    );
    expect(overReparsed.status).toBe(401);
  });

  it('refuses a signature issued too long ago', async () => {
    const { fields } = calledFrom();
    const stale = new VonageLine(gateway, new ManualClock(clock.now() - 10 * 60_000));
    expect((await stale.answer(fields)).status).toBe(401);
  });

  it('a number no hotline answers gets a polite message, logged', async () => {
    const answer = await line.answer(calledFrom(N.unknown).fields);
    expect(answer.status).toBe(200);
    expect(answer.ncco).toEqual([
      expect.objectContaining({ action: 'talk', text: expect.stringContaining('not in service') }),
    ]);
    expect(gateway.logs.some((l) => l.msg === 'call to a number no hotline answers' && l.number === N.unknown)).toBe(
      true,
    );
  });

  it('malformed payloads: the answer URL still gives an NCCO; the recording callback says 400 and names the field', async () => {
    const garbled = await line.post('/vonage/answer', { to: digits(N.hotline) });
    expect(garbled.status).toBe(200);
    expect(connectOf(garbled.ncco).to).toBe(N.emergency);
    const recording = await line.post('/vonage/calls/some-call/recording', {
      recording_uuid: 'r-1',
      conversation_uuid: 'CON-1',
    });
    expect(recording).toMatchObject({ status: 400, ncco: { error: { code: 'REQUIRED', field: 'recording_url' } } });
  });

  it('served ahead of the framework, a webhook still gets a request id and a log line; other /vonage routes and unknown paths reach Nest', async () => {
    const { fields } = calledFrom();
    const response = await fetch(`${gateway.url}/vonage/answer?${new URLSearchParams(fields)}`, {
      headers: {
        authorization: signVonageWebhook({
          secret: SECRET,
          issuedAt: clock.now(),
          rawQuery: new URLSearchParams(fields).toString(),
        }),
        'x-request-id': 'vonage-req-1',
      },
    });
    expect([response.status, response.headers.get('x-request-id')]).toEqual([200, 'vonage-req-1']);
    await response.text();
    expect(gateway.logs).toContainEqual(
      expect.objectContaining({ msg: 'request', method: 'GET', path: '/vonage/answer', status: 200 }),
    );
    expect((await line.post('/vonage/callbacks/calls/nope/keys?stage=x', {})).status).toBe(200);
    expect((await fetch(`${gateway.url}/vonage/nothing-here`)).status).toBe(404);
  });

  it('the fallback URL answers a retried answer with the same NCCO', async () => {
    const { fields } = calledFrom();
    const answer = await line.answer(fields);
    const fallback = await line.post('/vonage/fallback', {
      ...fields,
      reason: 'Socket timeout.',
      original_request: { url: `${PUBLIC_URL}/vonage/answer`, type: 'answer' },
    });
    expect(fallback).toMatchObject({ status: 200, ncco: answer.ncco });
  });

  it('lists calls with filters and pages, comments on one, and counts them (F17)', async () => {
    // Nobody is on duty on 1 April: the supervisor is rung first.
    clock.set('2027-04-01T08:00:00Z');
    const answered = connectOf((await line.answer(calledFrom().fields)).ncco);
    clock.advance(5000);
    await pickUpAndPress(answered, uuid('callee'), '1');
    clock.set('2027-04-01T09:00:00Z');
    await line.answer(calledFrom().fields);
    const period = { from: '2027-04-01T00:00:00Z', to: '2027-04-02T00:00:00Z' };
    const page = await gateway.graphql(
      `query($from: Instant, $to: Instant) {
      all: calls(filter: { from: $from, to: $to }, first: 1) { edges { node { id outcome } } pageInfo { hasNextPage endCursor } }
      answered: calls(filter: { from: $from, to: $to, outcome: ANSWERED }) { edges { node { id } } }
      stats: callStatistics(hotlineId: "${hotline.id}", from: $from, to: $to) { calls answeredRate byOutcome { answered inProgress } timeToAnswer { averageSeconds } answerers { personName answered } }
    }`,
      period,
      { token },
    );
    expect(page.body.errors).toBeUndefined();
    const { all, answered: onlyAnswered, stats } = page.body.data;
    expect(all.edges[0].node.outcome).toBe('IN_PROGRESS');
    expect(all.pageInfo.hasNextPage).toBe(true);
    expect(onlyAnswered.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([answered.callId]);
    expect(stats).toEqual({
      calls: 2,
      answeredRate: 1,
      byOutcome: { answered: 1, inProgress: 1 },
      timeToAnswer: { averageSeconds: 5 },
      answerers: [{ personName: 'Dan', answered: 1 }],
    });
    const next = await gateway.graphql(
      `query($after: String) { calls(first: 1, after: $after, filter: { from: "2027-04-01T00:00:00Z" }) { edges { node { id } } } }`,
      { after: all.pageInfo.endCursor },
      { token },
    );
    expect(next.body.data.calls.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([answered.callId]);

    const commented = await gateway.graphql(
      `mutation($input: AddCallCommentInput!) { addCallComment(input: $input) { comments { text author { kind } } } }`,
      { input: { callId: answered.callId, text: '  Called back, boiler fixed. ' } },
      { token },
    );
    expect(commented.body.data.addCallComment.comments).toEqual([
      { text: 'Called back, boiler fixed.', author: { kind: 'api-key' } },
    ]);
    const stranger = await gateway.newAccount();
    const hidden = await gateway.graphql(
      `query($id: ID!) { call(id: $id) { id } }`,
      { id: answered.callId },
      { token: stranger.tokens.admin },
    );
    expect(hidden.body.data.call).toBeNull();
  });

  it('simulateCall dry-runs the routing on the live schedule, logging nothing', async () => {
    const answer = await gateway.graphql(
      `mutation($hotlineId: ID!, $at: Instant) {
      simulateCall(hotlineId: $hotlineId, from: "${N.caller}", outcomes: ["busy", "no-answer", "answer"], at: $at) {
        outcome silence text transcript { offsetSeconds text } call { outcome answeredBy { personName } legs { number outcome } }
      }
    }`,
      { hotlineId: hotline.id, at: '2027-03-28T00:30:00Z' },
      { token },
    );
    expect(answer.body.errors).toBeUndefined();
    const simulated = answer.body.data.simulateCall;
    expect(simulated).toMatchObject({
      silence: false,
      call: { outcome: 'ANSWERED', answeredBy: { personName: 'Bob' } },
    });
    expect(simulated.call.legs).toEqual([
      { number: N.aliceMobile, outcome: 'BUSY' },
      { number: N.aliceHome, outcome: 'NO_ANSWER' },
      { number: N.bobMobile, outcome: 'CONFIRMED' },
    ]);
    expect(simulated.text).toContain('Outcome: answered by Bob');
    const refused = await gateway.graphql(
      `mutation { simulateCall(to: "${N.hotline}", outcomes: ["busy", "sing"]) { outcome } }`,
      {},
      { token },
    );
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'INVALID_OUTCOME', field: 'outcomes[1]' });
  });
});

describeWithMariaDb('Vonage webhooks with the database cut off (a proxy the test controls)', () => {
  const clock = new ManualClock(NIGHT);
  let api: FakeVonageApi;
  let proxy: TcpProxy;
  let gateway: GatewayHarness;

  beforeAll(async () => {
    api = await FakeVonageApi.start();
    const { host, port } = mariadbOptions();
    proxy = await startTcpProxy({ host, port });
    const url = new URL(mariadbUrl());
    url.host = `127.0.0.1:${proxy.port}`;
    gateway = await vonageGateway({ clock, api, databaseUrl: url.toString() });
  });

  afterAll(async () => {
    await gateway?.close();
    await api?.close();
  });

  it('still answers a dialable NCCO within 1 s: the plan held in cache, the last plan known for the number, else the emergency number', async () => {
    const account = await gateway.newAccount();
    const caller: Caller = { accountId: account.accountId, actor: { kind: 'user', id: account.users.admin.id } };
    const app = gateway.app.get<Application>(APPLICATION);
    const bob = await app.directory.createPerson(caller, {
      name: 'Bob',
      contactNumbers: [{ number: N.bobMobile, label: 'mobile' }],
    });
    const hotlines = [];
    for (const number of [`+3315${run}01`, `+3315${run}02`]) {
      const created = await app.hotlines.createHotline(caller, {
        name: `Cut ${number}`,
        number,
        timeZone: 'Europe/Paris',
      });
      if (!created.ok) throw new Error('hotline not created');
      hotlines.push(created.value);
      // Bob until 01:45 local (00:45 UTC); then nobody: the supervisors' step, none here, then the voicemail.
      valueOf(
        await app.schedule.createSlots(caller, created.value.id, {
          slots: [{ start: '2027-03-27T00:00', end: '2027-03-28T01:45', assignees: [{ kind: 'person', id: bob.id }] }],
        }),
      );
    }
    const line = new VonageLine(gateway, clock);
    let n = 0;
    const answerOf = (to: string) =>
      line.answer(
        answerPayload({
          to: digits(to),
          from: digits(N.caller),
          uuid: `cut-${run}-${++n}`,
          conversation_uuid: `CON-cut-${run}-${n}`,
        }),
      );
    expect(connectOf((await answerOf(hotlines[0].number.e164)).ncco).to).toBe(N.bobMobile);

    await proxy.cut();
    clock.set('2027-03-28T00:40:00Z');
    const held = await answerOf(hotlines[0].number.e164);
    // Duty changed hands at 00:45 while the database was away: the last plan known for the number still rings Bob.
    clock.set('2027-03-28T00:50:00Z');
    const lastKnown = await answerOf(hotlines[0].number.e164);
    const neverCalled = await answerOf(hotlines[1].number.e164);
    for (const [answer, to] of [
      [held, N.bobMobile],
      [lastKnown, N.bobMobile],
      [neverCalled, N.emergency],
    ] as const) {
      expect(answer.status).toBe(200);
      expect(connectOf(answer.ncco).to).toBe(to);
      expect(answer.ms).toBeLessThan(1000);
    }
    expect(gateway.logs.filter((l) => l.msg === 'routing on the last plan known for the number')).toHaveLength(1);
    expect(gateway.logs.some((l) => l.msg === 'no plan known for the number: emergency routing')).toBe(true);
  }, 30_000);
});

function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The event URL an NCCO action names. */
function eventUrlOf(action: NccoAction | undefined): string {
  const url = action && 'eventUrl' in action ? action.eventUrl?.[0] : undefined;
  if (!url) throw new Error(`no eventUrl in ${JSON.stringify(action)}`);
  return url;
}

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
