// The SIP proxy between real sipp processes: a caller (a PBX or trunk) and the phones behind the trunk.
import { callRecordOf } from '@dutyline/application';
import { InboundCallRig, inboundCallRig } from '@dutyline/application/testing';
import { OnCall } from '@dutyline/domain';
import { aHotline, aPerson, personRef } from '@dutyline/domain/testing';
import { SipRoutingProxy } from './index';
import { describeWithSipp } from '@dutyline/test-support';
import { SippFleet, expectSuccess, freeUdpPorts } from './testing/sipp';

const HOTLINE = '+33140000000';
const UNKNOWN = '+33199999999';
const ALICE_MOBILE = '+33611111111';
const ALICE_HOME = '+33142000001';

const alice = aPerson({
  id: 'alice',
  name: 'Alice',
  numbers: [
    { number: ALICE_MOBILE, label: 'mobile', ringTimeoutSeconds: 5 },
    { number: ALICE_HOME, label: 'home', ringTimeoutSeconds: 5 },
  ],
});
const onDuty: OnCall = { levels: [personRef(alice)], slotId: 'slot-1', overrideIds: [] };

/** Alice on duty with two numbers rung 5 s each; no supervisor, so the voicemail comes next. Press 1 asked. */
const world = () =>
  inboundCallRig({
    hotlines: [aHotline({ id: 'hl-sip', name: 'SIP hotline', number: HOTLINE })],
    people: [alice],
    onCall: { 'hl-sip': onDuty },
  });

describeWithSipp('SIP routing proxy, with sipp as caller and callees', () => {
  const fleet = new SippFleet();
  let proxy: SipRoutingProxy | null = null;

  afterEach(async () => {
    await fleet.stopAll();
    await proxy?.close();
    proxy = null;
  });

  /** A proxy on a free port sending each number of `targets` to its own sipp port. */
  async function line(targets: Readonly<Record<string, number>>): Promise<{ rig: InboundCallRig; remote: string }> {
    const rig = world();
    proxy = new SipRoutingProxy(
      { inbound: rig.service },
      {
        port: 0,
        targetUri: 'sip:{e164}@127.0.0.1:9',
        targetUriByPrefix: Object.fromEntries(
          Object.entries(targets).map(([number, port]) => [number, `sip:{e164}@127.0.0.1:${port}`]),
        ),
        voicemailUri: 'sip:voicemail-{digits}@127.0.0.1:5070;dutyline-call={callId}',
      },
    );
    const { port } = await proxy.start();
    return { rig, remote: `127.0.0.1:${port}` };
  }

  const theCall = (rig: InboundCallRig) => {
    const calls = rig.store.all();
    expect(calls).toHaveLength(1);
    return callRecordOf(calls[0]);
  };

  it('answered on the first number: the 2xx reaches the caller, the BYE ends the call in the log', async () => {
    const [callerPort, alicePort] = await freeUdpPorts(2);
    const { rig, remote } = await line({ [ALICE_MOBILE]: alicePort });
    const callee = await fleet.callee('callee-answers.xml', alicePort);
    const caller = fleet.caller('caller-answered.xml', { port: callerPort, remote, service: HOTLINE });

    expectSuccess(await caller.exited);
    expectSuccess(await callee.exited);
    expect(theCall(rig)).toMatchObject({
      carrier: 'sip',
      caller: '+33612345678',
      outcome: 'answered',
      answeredBy: { number: ALICE_MOBILE },
      legs: [{ number: ALICE_MOBILE, outcome: 'confirmed' }],
      endedAt: expect.any(Number),
      durationSeconds: expect.any(Number),
    });
  }, 30_000);

  it('busy on the first number: the second is rung and answers', async () => {
    const [callerPort, mobilePort, homePort] = await freeUdpPorts(3);
    const { rig, remote } = await line({ [ALICE_MOBILE]: mobilePort, [ALICE_HOME]: homePort });
    const mobile = await fleet.callee('callee-busy.xml', mobilePort);
    const home = await fleet.callee('callee-answers.xml', homePort);
    const caller = fleet.caller('caller-answered.xml', { port: callerPort, remote, service: HOTLINE });

    expectSuccess(await caller.exited);
    expectSuccess(await mobile.exited);
    expectSuccess(await home.exited);
    expect(theCall(rig)).toMatchObject({
      outcome: 'answered',
      answeredBy: { number: ALICE_HOME },
      legs: [
        { number: ALICE_MOBILE, outcome: 'busy' },
        { number: ALICE_HOME, outcome: 'confirmed' },
      ],
    });
  }, 30_000);

  it('nobody answers within the ring timeouts: each leg is cancelled, the caller is redirected to the voicemail URI', async () => {
    const [callerPort, mobilePort, homePort] = await freeUdpPorts(3);
    const { rig, remote } = await line({ [ALICE_MOBILE]: mobilePort, [ALICE_HOME]: homePort });
    const mobile = await fleet.callee('callee-rings.xml', mobilePort);
    const home = await fleet.callee('callee-rings.xml', homePort);
    const started = Date.now();
    const caller = fleet.caller('caller-redirected.xml', { port: callerPort, remote, service: HOTLINE });

    expectSuccess(await caller.exited);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
    expectSuccess(await mobile.exited);
    expectSuccess(await home.exited);
    expect(theCall(rig)).toMatchObject({
      outcome: 'voicemail',
      legs: [{ outcome: 'no-answer' }, { outcome: 'no-answer' }],
    });
    expect(rig.events.notices.map((notice) => notice.kind)).toEqual(['unanswered']);
  }, 40_000);

  it('a number no hotline answers: 404 with a Reason, no call opened', async () => {
    const [callerPort] = await freeUdpPorts(1);
    const { rig, remote } = await line({});
    const caller = fleet.caller('caller-unknown.xml', { port: callerPort, remote, service: UNKNOWN });

    expectSuccess(await caller.exited);
    expect(rig.store.all()).toEqual([]);
    expect(rig.events.unknownNumbers).toMatchObject([{ number: UNKNOWN, carrier: 'sip' }]);
  }, 30_000);

  it('the caller cancels while a number rings: that branch gets a CANCEL, the call is logged as abandoned', async () => {
    const [callerPort, mobilePort] = await freeUdpPorts(2);
    const { rig, remote } = await line({ [ALICE_MOBILE]: mobilePort });
    const mobile = await fleet.callee('callee-rings.xml', mobilePort);
    const caller = fleet.caller('caller-cancels.xml', { port: callerPort, remote, service: HOTLINE });

    expectSuccess(await caller.exited);
    expectSuccess(await mobile.exited);
    expect(theCall(rig)).toMatchObject({
      outcome: 'abandoned',
      legs: [{ number: ALICE_MOBILE, outcome: 'cancelled' }],
    });
  }, 30_000);

  it('a PBX that announced the call reports "not confirmed": the next number is rung and answers', async () => {
    const [callerPort, mobilePort, homePort] = await freeUdpPorts(3);
    const { rig, remote } = await line({ [ALICE_MOBILE]: mobilePort, [ALICE_HOME]: homePort });
    const mobile = await fleet.callee('callee-not-confirmed.xml', mobilePort);
    const home = await fleet.callee('callee-answers.xml', homePort);
    const caller = fleet.caller('caller-answered.xml', { port: callerPort, remote, service: HOTLINE });

    expectSuccess(await caller.exited);
    expectSuccess(await mobile.exited);
    expectSuccess(await home.exited);
    expect(theCall(rig).legs.map((leg) => leg.outcome)).toEqual(['not-confirmed', 'confirmed']);
  }, 30_000);

  it('the voicemail server the caller was redirected to reports the recording with a MESSAGE', async () => {
    const [callerPort, mobilePort, homePort, voicemailPort] = await freeUdpPorts(4);
    const { rig, remote } = await line({ [ALICE_MOBILE]: mobilePort, [ALICE_HOME]: homePort });
    const mobile = await fleet.callee('callee-busy.xml', mobilePort);
    const home = await fleet.callee('callee-busy.xml', homePort);
    expectSuccess(await fleet.caller('caller-redirected.xml', { port: callerPort, remote, service: HOTLINE }).exited);
    expectSuccess(await mobile.exited);
    expectSuccess(await home.exited);

    const voicemail = fleet.caller('voicemail-reports.xml', {
      port: voicemailPort,
      remote,
      service: 'recordings',
      keys: { callref: 'call-1' },
    });
    expectSuccess(await voicemail.exited);
    expect(theCall(rig)).toMatchObject({
      outcome: 'voicemail',
      voicemailRecording: 'https://pbx.example.net/voicemail/call-1.wav',
    });
    expect(rig.events.notices.map((notice) => notice.kind)).toEqual(['unanswered', 'voicemail']);
  }, 30_000);

  it('a retransmitted INVITE (same Call-ID and branch) is absorbed: one call, one plan, one leg', async () => {
    const [callerPort, alicePort] = await freeUdpPorts(2);
    const { rig, remote } = await line({ [ALICE_MOBILE]: alicePort });
    const callee = await fleet.callee('callee-answers.xml', alicePort);
    const caller = fleet.caller('caller-retransmits.xml', { port: callerPort, remote, service: HOTLINE });

    expectSuccess(await caller.exited);
    expectSuccess(await callee.exited);
    expect(rig.planner.plans).toBe(1);
    expect(theCall(rig)).toMatchObject({ outcome: 'answered', legs: [{ outcome: 'confirmed' }] });
  }, 30_000);

  it('the same INVITE on a second branch while the first is routed (a merged request) gets 482 and rings nobody', async () => {
    const [callerPort, alicePort] = await freeUdpPorts(2);
    const { rig, remote } = await line({ [ALICE_MOBILE]: alicePort });
    const callee = await fleet.callee('callee-answers.xml', alicePort);
    const caller = fleet.caller('caller-merged.xml', { port: callerPort, remote, service: HOTLINE });

    expectSuccess(await caller.exited);
    expectSuccess(await callee.exited);
    expect(theCall(rig)).toMatchObject({ outcome: 'answered', legs: [{ outcome: 'confirmed' }] });
  }, 30_000);
});
