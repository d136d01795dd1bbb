import { CallEntryInput, CallRecord, HotlineInput, callEntry } from '@dutyline/domain';
import { InboundCallRig, callRecordOf } from './application';
import { CONTRACT_HOTLINE_NAME, CONTRACT_NUMBERS as N, contractRig } from './contract-world';
import { CarrierHarness, HarnessCall, NetworkEvent, NetworkReply, replyProblem } from './network';

/** The inbound call service over in-memory fakes that the harness wires its adapter to, per test. */
export type CarrierRig = InboundCallRig;

/** Builds the adapter under test around `rig.service` (`InboundCalls`) and returns its harness. */
export type HarnessFactory = (rig: CarrierRig) => CarrierHarness | Promise<CarrierHarness>;

/** Events after which the caller waits to hear what comes next. */
const CALLER_WAITS: readonly NetworkEvent['kind'][] = ['leg-ended', 'machine', 'no-key', 'keys', 'caller-keys'];

/** What the carrier can do. */
export interface CarrierAbilities {
  /**
   * Plays a menu and collects the caller's keys (`gather`, F25). Without (a SIP proxy carries no media),
   * a hotline's menu is skipped for its default target. @defaultValue true
   */
  readonly gathers?: boolean;
}

/**
 * Registers the carrier contract as a Jest suite: every escalation path driven through the adapter's own
 * input format, with what the adapter tells the network and the call log checked at each step. Call it at
 * the top level of a spec file: `carrierContract('vonage', (rig) => vonageHarness(rig.service))`.
 */
export function carrierContract(name: string, makeHarness: HarnessFactory, abilities: CarrierAbilities = {}): void {
  const gathers = abilities.gathers ?? true;
  describe(`carrier contract: ${name}`, () => {
    let opened: CarrierHarness[] = [];
    afterEach(async () => {
      for (const harness of opened) await harness.close?.();
      opened = [];
    });

    /** A fresh rig (optionally with another hotline set-up) and the adapter's harness around it. */
    async function line(hotline: Partial<HotlineInput> = {}, front: CallEntryInput['front'] = null) {
      const rig = contractRig(hotline);
      if (front) rig.entries.put(callEntry({ hotlineId: 'hl-contract', front }));
      const harness = await makeHarness(rig);
      opened.push(harness);
      const place = async (to: string = N.hotline, from: string | null = N.caller) =>
        checked(await harness.placeCall({ to, from }));
      /** The one call the service logged, as a supervisor reads it. */
      const logged = (): CallRecord => {
        const calls = rig.store.all();
        expect(calls).toHaveLength(1);
        return callRecordOf(calls[0]);
      };
      return { rig, place, logged };
    }

    it('answers on the first number: ring it, announce the call to the callee, connect on 1', async () => {
      const { place, logged } = await line();
      const call = await place();
      expect(ringIn(call.first)).toEqual({
        kind: 'ring',
        to: N.aliceMobile,
        callerId: N.hotline,
        ringTimeoutSeconds: 20,
        confirm: true,
      });
      const announced = find(await call.deliver({ kind: 'picked-up' }), 'announce');
      expect(announced?.text).toContain(CONTRACT_HOTLINE_NAME);
      expectNoNextStep(await call.deliver({ kind: 'keys', digits: '1' }));
      await call.deliver({ kind: 'caller-hung-up' });
      expect(logged()).toMatchObject({
        outcome: 'answered',
        answeredBy: { number: N.aliceMobile },
        legs: [{ outcome: 'confirmed' }],
      });
    });

    it('a busy number: ring the next one, which answers', async () => {
      const { place, logged } = await line();
      const call = await place();
      expect(ringIn(await call.deliver({ kind: 'leg-ended', outcome: 'busy' }))).toMatchObject({
        to: N.aliceHome,
        ringTimeoutSeconds: 30,
      });
      await call.deliver({ kind: 'picked-up' });
      expectNoNextStep(await call.deliver({ kind: 'keys', digits: '1' }));
      expect(logged()).toMatchObject({
        outcome: 'answered',
        answeredBy: { number: N.aliceHome },
        legs: [{ outcome: 'busy' }, { outcome: 'confirmed' }],
      });
    });

    it('nobody answers: every number on duty, then the supervisor, then the voicemail', async () => {
      const { place, logged } = await line();
      const call = await place();
      const rung = [ringIn(call.first)?.to];
      for (const outcome of ['no-answer', 'failed', 'rejected'] as const)
        rung.push(ringIn(await call.deliver({ kind: 'leg-ended', outcome }))?.to);
      expect(rung).toEqual([N.aliceMobile, N.aliceHome, N.bobMobile, N.danMobile]);
      expect(find(await call.deliver({ kind: 'leg-ended', outcome: 'no-answer' }), 'record')).toBeDefined();
      await call.deliver({ kind: 'recorded' });
      await call.deliver({ kind: 'caller-hung-up' });
      const record = logged();
      expect(record).toMatchObject({ outcome: 'voicemail', answeredBy: null });
      expect(record.voicemailRecording).toEqual(expect.any(String));
      expect(record.legs.map((leg) => `${leg.via} ${leg.outcome}`)).toEqual([
        'on-call no-answer',
        'on-call failed',
        'on-call rejected',
        'supervisor no-answer',
      ]);
    });

    it.each<[string, NetworkEvent[], string]>([
      ['does not press 1 in time', [{ kind: 'picked-up' }, { kind: 'no-key' }], 'not-confirmed'],
      ['presses another key', [{ kind: 'picked-up' }, { kind: 'keys', digits: '7' }], 'declined'],
      ['is an answering machine', [{ kind: 'picked-up' }, { kind: 'machine' }], 'machine'],
    ])('a callee who %s counts as no answer: ring the next number', async (_name, events, outcome) => {
      const { place, logged } = await line();
      const call = await place();
      let reply: readonly NetworkReply[] = [];
      for (const event of events) reply = await call.deliver(event);
      expect(ringIn(reply)).toMatchObject({ to: N.aliceHome });
      expect(logged().legs.map((leg) => leg.outcome)).toEqual([outcome, 'ringing']);
    });

    it('without confirmation, the callee is connected once detected as a person', async () => {
      const { place, logged } = await line({ requireAnswerConfirmation: false });
      const call = await place();
      expect(ringIn(call.first)).toMatchObject({ to: N.aliceMobile, confirm: false });
      expectNoNextStep(await call.deliver({ kind: 'picked-up' }));
      expectNoNextStep(await call.deliver({ kind: 'human' }));
      expect(logged()).toMatchObject({ outcome: 'answered', answeredBy: { number: N.aliceMobile } });
    });

    it.each<[string, NetworkEvent[]]>([
      ['a busy leg', [{ kind: 'leg-ended', outcome: 'busy' }]],
      ['an unconfirmed pick-up', [{ kind: 'picked-up' }, { kind: 'no-key' }]],
      ['a confirmation', [{ kind: 'picked-up' }, { kind: 'keys', digits: '1' }]],
      ['the end of the call', [{ kind: 'leg-ended', outcome: 'busy' }, { kind: 'caller-hung-up' }]],
    ])('%s delivered twice: the same reply (or nothing), the same call log', async (_name, events) => {
      const { rig, place } = await line();
      const call = await place();
      let reply: readonly NetworkReply[] = [];
      for (const event of events) reply = await call.deliver(event);
      const stored = rig.store.all();
      const again = await call.deliver({ kind: 'again' });
      if (!again.every((item) => item.kind === 'nothing')) expect(again).toEqual(reply);
      expect(rig.store.all()).toEqual(stored);
    });

    it('the caller hangs up while a number rings: the call is logged as abandoned', async () => {
      const { place, logged } = await line();
      const call = await place();
      await call.deliver({ kind: 'leg-ended', outcome: 'busy' });
      const reply = await call.deliver({ kind: 'caller-hung-up' });
      expect(reply.every((item) => item.kind === 'hang-up-leg' || item.kind === 'nothing')).toBe(true);
      expect(logged()).toMatchObject({ outcome: 'abandoned', legs: [{ outcome: 'busy' }, { outcome: 'cancelled' }] });
    });

    it('a number no hotline answers: a polite message, no call opened', async () => {
      const { rig, place } = await line();
      const call = await place(N.unknown);
      expect(find(call.first, 'say')?.text).toEqual(expect.stringMatching(/\w+/));
      expect(rig.store.all()).toEqual([]);
    });

    it('a withheld caller: the hotline number is shown, the callee told it is withheld', async () => {
      const { place, logged } = await line({ callerIdMode: 'caller' });
      const call = await place(N.hotline, null);
      expect(ringIn(call.first)).toMatchObject({ to: N.aliceMobile, callerId: N.hotline });
      expect(find(await call.deliver({ kind: 'picked-up' }), 'announce')?.text).toContain('withheld');
      expect(logged().caller).toBeNull();
    });

    it("the caller's number is shown to the callee when the hotline says so", async () => {
      const { place } = await line({ callerIdMode: 'caller' });
      expect(ringIn((await place()).first)).toMatchObject({ callerId: N.caller });
    });

    it('a menu in front of the line (F25): no key plays it again, a wrong key goes to the default', async () => {
      const { place, logged } = await line({}, MENU);
      const call = await place();
      if (!gathers) {
        expect(ringIn(call.first)).toMatchObject({ to: N.aliceMobile });
        expect(logged().route).toMatchObject({ dialled: N.hotline, via: 'default' });
        return;
      }
      expect(find(call.first, 'menu')).toEqual({ kind: 'menu', text: MENU.prompt.text, maxDigits: 1 });
      expect(find(await call.deliver({ kind: 'caller-keys', digits: '' }), 'menu')).toBeDefined();
      expect(ringIn(await call.deliver({ kind: 'caller-keys', digits: '7' }))).toMatchObject({ to: N.aliceMobile });
      expect(logged().route).toMatchObject({ dialled: N.hotline, via: 'default', key: '7' });
    });

    it('a keyed number (F25): an unknown value gets one retry, then a prefix picks the line', async () => {
      const { place, logged } = await line({}, POSTCODE);
      const call = await place();
      if (!gathers) return expect(ringIn(call.first)).toMatchObject({ to: N.aliceMobile });
      expect(find(call.first, 'menu')).toMatchObject({ maxDigits: 5 });
      expect(find(await call.deliver({ kind: 'caller-keys', digits: '93000' }), 'menu')).toBeDefined();
      expect(ringIn(await call.deliver({ kind: 'caller-keys', digits: '75011' }))).toMatchObject({ to: N.aliceMobile });
      expect(logged().route).toMatchObject({ via: 'keyed', keyed: '75011' });
    });

    it('the call store down: the caller still hears the first number ring', async () => {
      const { rig, place } = await line();
      rig.store.outage.mode = 'down';
      const call = await place();
      expect(ringIn(call.first)).toMatchObject({ to: N.aliceMobile });
      expect(ringIn(await call.deliver({ kind: 'leg-ended', outcome: 'busy' }))).toMatchObject({ to: N.aliceHome });
    });
  });
}

const MENU = {
  kind: 'menu' as const,
  prompt: { text: 'Press 1 for heating.' },
  choices: [{ key: '1', label: 'Heating', target: { kind: 'line' } }],
  defaultTarget: { kind: 'line' },
};

const POSTCODE = {
  kind: 'keyed' as const,
  prompt: { text: 'Key your postcode.' },
  maxDigits: 5,
  matches: [{ prefix: '75', target: { kind: 'line' } }],
  defaultTarget: { kind: 'line' },
};

/** Checks every reply of the call as it comes: valid, and never silence when the caller waits. */
function checked(call: HarnessCall): HarnessCall {
  assertReply(call.first, true, 'the call arriving');
  let previous: NetworkEvent | null = null;
  return {
    first: call.first,
    async deliver(event) {
      const reply = await call.deliver(event);
      const meant = event.kind === 'again' ? previous : event;
      const waits =
        meant !== null && CALLER_WAITS.includes(meant.kind) && !(meant.kind === 'keys' && meant.digits === '1');
      assertReply(reply, waits && event.kind !== 'again', `${event.kind} after ${previous?.kind ?? 'the answer'}`);
      if (event.kind !== 'again') previous = event;
      return reply;
    },
  };
}

function assertReply(reply: readonly NetworkReply[], callerWaits: boolean, when: string): void {
  const problem = replyProblem(reply, callerWaits);
  if (problem) throw new Error(`the adapter's reply to ${when} is unusable: ${problem}\n${JSON.stringify(reply)}`);
}

function find<K extends NetworkReply['kind']>(
  reply: readonly NetworkReply[],
  kind: K,
): Extract<NetworkReply, { kind: K }> | undefined {
  return reply.find((item): item is Extract<NetworkReply, { kind: K }> => item.kind === kind);
}

const ringIn = (reply: readonly NetworkReply[]) => find(reply, 'ring');

/** The call is taken: nothing may ring another number, record or hang up on the caller. */
function expectNoNextStep(reply: readonly NetworkReply[]): void {
  expect(reply.filter((item) => item.kind !== 'connect' && item.kind !== 'nothing')).toEqual([]);
}
