/**
 * Call entries end to end (F25): set over GraphQL (errors naming the field, roles), then Vonage's
 * webhooks replayed over HTTP and signed as Vonage signs them: answer → the menu's `input` → keys on
 * the `input`'s event URL → the chosen line's `connect`, with the path in the call log. On MariaDB the
 * keys go to a second gateway instance sharing the database, as behind a load balancer.
 */
import type { Ncco } from '@dutyline/vonage';
import { answerPayload, inputEventPayload } from '@dutyline/vonage/testing';
import { describeWithMariaDb, uniqueName } from '@dutyline/test-support';
import { type GatewayHarness, type TestAccount, startGateway } from '../testing/gateway-harness';
import { dataOf, freshHotlineNumber } from '../testing/feature-fixtures';
import { inputUrlOf, nccoAction, signedVonageLine } from '../testing/signed-vonage-line';
import type { VonageSettings } from '../vonage/vonage-settings';
import { VONAGE_SETTINGS } from '../vonage/vonage.tokens';

jest.setTimeout(60_000);

const SECRET = 'vonage-signature-secret-for-call-entry-tests-01';
const PUBLIC_URL = 'https://dutyline.example.com';
const SETTINGS: VonageSettings = {
  publicUrl: PUBLIC_URL,
  signatures: { verify: true, secret: SECRET, apiKey: null },
  ringbackToneUrl: null,
};
const ALICE = '+33612345611';
const BOB = '+33612345622';
const CALLER = '33698765432';

const vonageLine = (gateway: GatewayHarness) => signedVonageLine(gateway, { secret: SECRET, publicUrl: PUBLIC_URL });
const action = nccoAction;
const inputUrl = inputUrlOf;
const dialled = (ncco: Ncco | null) => {
  const connect = action(ncco, 'connect');
  return connect?.endpoint[0].type === 'phone' ? `+${connect.endpoint[0].number}` : null;
};

const ENTRY_FIELDS = `hotlineId extraNumbers isDefault
  rules { dialled hours { days start end } target { kind hotlineId } }
  front { kind maxDigits timeoutSeconds prompt { text language } choices { key label target { kind hotlineId } }
          matches { prefix from to target { kind hotlineId } } defaultTarget { kind hotlineId } }`;

/** Two hotlines of one account: the main one (Alice on duty as supervisor) and Lifts (Bob). */
async function twoHotlines(gateway: GatewayHarness, account: TestAccount) {
  const as = (query: string, variables: Record<string, unknown>) =>
    dataOf(gateway.graphql(query, variables, { token: account.tokens.supervisor }));
  const person = async (name: string, number: string) =>
    (
      await as('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }', {
        input: { name, contactNumbers: [{ number, label: 'mobile', ringTimeoutSeconds: 20 }] },
      })
    ).createPerson.id as string;
  const hotline = async (name: string, supervisor: string) => {
    const number = freshHotlineNumber();
    const id = (
      await as('mutation($input: CreateHotlineInput!) { createHotline(input: $input) { id } }', {
        input: {
          name,
          number,
          timeZone: 'Europe/Paris',
          supervisorIds: [supervisor],
          requireAnswerConfirmation: false,
        },
      })
    ).createHotline.id as string;
    return { id, number };
  };
  const main = await hotline('Maintenance', await person('Alice', ALICE));
  const lifts = await hotline('Lifts', await person('Bob', BOB));
  const updateEntry = (input: Record<string, unknown>, token = account.tokens.supervisor) =>
    gateway.graphql(
      `mutation($input: UpdateCallEntryInput!) { updateCallEntry(input: $input) { ${ENTRY_FIELDS} } }`,
      { input },
      { token },
    );
  const calls = async () =>
    (
      await as(
        'query { calls(first: 10) { edges { node { hotlineId hotlineNumber route { dialled entryHotlineId via key keyed ruleIndex } } } } }',
        {},
      )
    ).calls.edges.map((e: { node: unknown }) => e.node);
  return { main, lifts, updateEntry, calls, as };
}

const MENU = (liftsId: string) => ({
  kind: 'MENU',
  prompt: { text: 'Press 1 for heating, 2 for lifts.' },
  choices: [
    { key: '1', label: 'Heating', target: { kind: 'LINE' } },
    { key: '2', label: 'Lifts', target: { kind: 'HOTLINE', hotlineId: liftsId } },
  ],
  defaultTarget: { kind: 'LINE' },
  timeoutSeconds: 4,
});

const POSTCODE = (liftsId: string) => ({
  kind: 'KEYED',
  prompt: { text: 'Key your postcode.' },
  maxDigits: 5,
  matches: [
    { prefix: '75', target: { kind: 'LINE' } },
    { from: '92000', to: '92999', target: { kind: 'HOTLINE', hotlineId: liftsId } },
  ],
  defaultTarget: { kind: 'LINE' },
});

describe('call entries over GraphQL and Vonage (SQLite)', () => {
  let gateway: GatewayHarness;
  let account: TestAccount;
  beforeAll(async () => {
    gateway = await startGateway({
      database: 'sqlite',
      override: (builder) => builder.overrideProvider(VONAGE_SETTINGS).useValue(SETTINGS),
    });
    account = await gateway.newAccount();
  }, 60_000);
  afterAll(() => gateway?.close());

  it('saves and reads an entry; members read it and cannot change it', async () => {
    const { main, lifts, updateEntry } = await twoHotlines(gateway, account);
    const extra = freshHotlineNumber();
    const input = {
      hotlineId: main.id,
      extraNumbers: [extra],
      rules: [
        { dialled: extra, target: { kind: 'HOTLINE', hotlineId: lifts.id } },
        {
          hours: { windows: [{ days: ['MON', 'TUE'], start: '08:00', end: '18:00' }] },
          target: { kind: 'FRONT' },
        },
      ],
      front: MENU(lifts.id),
    };
    const saved = await dataOf(updateEntry(input));
    expect(saved.updateCallEntry).toMatchObject({
      hotlineId: main.id,
      extraNumbers: [extra],
      isDefault: false,
      rules: [
        { dialled: extra, hours: null, target: { kind: 'HOTLINE', hotlineId: lifts.id } },
        { dialled: null, hours: [{ days: ['MON', 'TUE'], start: '08:00', end: '18:00' }], target: { kind: 'FRONT' } },
      ],
      front: { kind: 'MENU', maxDigits: 1, timeoutSeconds: 4, prompt: { language: 'en-GB' } },
    });
    const read = await dataOf(
      gateway.graphql(
        `query($id: ID!) { callEntry(hotlineId: $id) { ${ENTRY_FIELDS} } }`,
        { id: main.id },
        {
          token: account.tokens.member,
        },
      ),
    );
    expect(read.callEntry).toEqual(saved.updateCallEntry);
    const refused = await updateEntry(input, account.tokens.member);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each([
    [
      'a bad window',
      (l: string) => ({
        rules: [{ hours: { windows: [{ days: ['MON'], start: '8h', end: '18:00' }] }, target: { kind: 'LINE' } }],
        front: MENU(l),
      }),
      'input.rules[0].hours.windows[0].start',
    ],
    [
      'a duplicate key',
      (l: string) => ({
        front: { ...MENU(l), choices: [...MENU(l).choices, { key: '2', label: 'Again', target: { kind: 'LINE' } }] },
      }),
      'input.front.choices[2].key',
    ],
    ['a bad extra number', () => ({ extraNumbers: ['0140000000'] }), 'input.extraNumbers[0]'],
    [
      'a hotline of another account',
      () => ({ rules: [{ target: { kind: 'HOTLINE', hotlineId: 'not-ours' } }] }),
      'input.rules[0].target.hotlineId',
    ],
  ])('refuses %s, naming the field', async (_, fields, field) => {
    const { main, lifts, updateEntry } = await twoHotlines(gateway, account);
    const answer = await updateEntry({ hotlineId: main.id, ...fields(lifts.id) });
    expect(answer.status).toBe(200);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ field });
  });

  it("refuses an extra number that is another hotline's", async () => {
    const { main, lifts, updateEntry } = await twoHotlines(gateway, account);
    const answer = await updateEntry({ hotlineId: main.id, extraNumbers: [freshHotlineNumber(), lifts.number] });
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'NUMBER_TAKEN', field: 'input.extraNumbers[1]' });
  });

  it('simulateCall plays the keys given: no key, then 2 leads to the lifts hotline', async () => {
    const { main, lifts, updateEntry, as } = await twoHotlines(gateway, account);
    await dataOf(updateEntry({ hotlineId: main.id, front: MENU(lifts.id) }));
    const simulated = await as(
      `mutation($h: ID!, $keys: [String!]) { simulateCall(hotlineId: $h, outcomes: ["answer"], keys: $keys) {
        outcome silence transcript { text } } }`,
      { h: main.id, keys: ['', '2'] },
    );
    expect(simulated.simulateCall).toMatchObject({
      silence: false,
      outcome: expect.stringMatching(/^answered by Bob/),
    });
    expect(simulated.simulateCall.transcript.map((line: { text: string }) => line.text).slice(0, 5)).toEqual([
      `Incoming call from a withheld number to ${main.number}`,
      '  Menu to the caller: "Press 1 for heating, 2 for lifts." (waits 4 s for up to 1 key(s))',
      'Caller keys nothing',
      '  Menu to the caller: "Press 1 for heating, 2 for lifts." (waits 4 s for up to 1 key(s))',
      'Caller keys 2',
    ]);
  });

  it('a menu with a default: no key, the menu again, a wrong key, the line; the call log shows the path', async () => {
    const { main, updateEntry, calls, lifts } = await twoHotlines(gateway, account);
    await dataOf(updateEntry({ hotlineId: main.id, front: MENU(lifts.id) }));
    const line = vonageLine(gateway);
    const call = { to: main.number.slice(1), from: CALLER, uuid: uniqueName('leg') };
    const answered = await line.answer(answerPayload(call));
    expect(answered.ncco).toEqual([
      { action: 'talk', text: 'Press 1 for heating, 2 for lifts.', language: 'en-GB', bargeIn: true },
      {
        action: 'input',
        type: ['dtmf'],
        dtmf: { maxDigits: 1, timeOut: 4, submitOnHash: false },
        eventUrl: [`${PUBLIC_URL}/vonage/calls/keys?stage=front%3A1`],
        eventMethod: 'POST',
      },
    ]);
    const again = await line.post(inputUrl(answered.ncco), inputEventPayload('', { ...call, to: call.to }));
    expect(inputUrl(again.ncco)).toBe(`${PUBLIC_URL}/vonage/calls/keys?stage=front%3A2`);
    const put = await line.post(inputUrl(again.ncco), inputEventPayload('7', call));
    expect(dialled(put.ncco)).toBe(ALICE);
    expect(await calls()).toEqual([
      {
        hotlineId: main.id,
        hotlineNumber: main.number,
        route: {
          dialled: main.number,
          entryHotlineId: main.id,
          via: 'DEFAULT',
          key: '7',
          keyed: null,
          ruleIndex: null,
        },
      },
    ]);
  });
});

describeWithMariaDb('call entries on two gateway instances sharing MariaDB', () => {
  let first: GatewayHarness;
  let second: GatewayHarness;
  let account: TestAccount;
  beforeAll(async () => {
    const start = () =>
      startGateway({
        database: 'mariadb',
        override: (builder) => builder.overrideProvider(VONAGE_SETTINGS).useValue(SETTINGS),
      });
    first = await start();
    second = await start();
    account = await first.newAccount();
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('a keyed postcode: an unknown value gets one retry on another instance, then a range picks the lifts hotline', async () => {
    const { main, lifts, updateEntry, calls } = await twoHotlines(first, account);
    await dataOf(updateEntry({ hotlineId: main.id, front: POSTCODE(lifts.id) }));
    const call = { to: main.number.slice(1), from: CALLER, uuid: uniqueName('leg') };
    const answered = await vonageLine(first).answer(answerPayload(call));
    expect(action(answered.ncco, 'input')).toMatchObject({ dtmf: { maxDigits: 5, submitOnHash: true } });
    const retry = await vonageLine(second).post(inputUrl(answered.ncco), inputEventPayload('93000#', call));
    expect(action(retry.ncco, 'talk')).toMatchObject({ text: 'Key your postcode.' });
    const put = await vonageLine(first).post(inputUrl(retry.ncco), inputEventPayload('92100#', call));
    expect(dialled(put.ncco)).toBe(BOB);
    expect(action(put.ncco, 'connect')).toMatchObject({ from: main.number.slice(1) });
    const replayed = await vonageLine(second).post(inputUrl(retry.ncco), inputEventPayload('92100#', call));
    expect(replayed.ncco).toEqual(put.ncco);
    expect(await calls()).toEqual([
      {
        hotlineId: lifts.id,
        hotlineNumber: main.number,
        route: {
          dialled: main.number,
          entryHotlineId: main.id,
          via: 'KEYED',
          key: null,
          keyed: '92100',
          ruleIndex: null,
        },
      },
    ]);
  });
});
