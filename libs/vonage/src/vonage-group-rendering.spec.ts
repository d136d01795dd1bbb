import type { CallInstruction, DialInstruction } from '@dutyline/application';
import { VonageRenderOptions, renderForCallee, renderForCaller } from './vonage-call-instruction.renderer';
import { VonageGroupUrls, asksKey, groupLegCall, joinGroupNcco } from './vonage-group-dialling';

// What an all-at-once level's moves (F26) become on Vonage: the losing legs hung up through the REST API.
const options: VonageRenderOptions = {
  urls: {
    legEvent: (callId, step) => `https://gw/legs/${callId}/${step}/event`,
    confirmation: (callId, step) => `https://gw/legs/${callId}/${step}/confirm`,
    confirmationInput: (callId, step) => `https://gw/legs/${callId}/${step}/confirm-input`,
    afterLeg: (callId, step) => `https://gw/legs/${callId}/${step}/after`,
    recording: (callId) => `https://gw/calls/${callId}/recording`,
    keys: (stage) => `https://gw/calls/keys?stage=${stage}`,
    holdTone: () => `https://gw/hold-tone.wav`,
  },
};
const groupUrls: VonageGroupUrls = {
  groupEvent: (callId, step) => `https://gw/legs/${callId}/${step}/group-event`,
  groupAnswer: (callId, step) => `https://gw/legs/${callId}/${step}/group-answer`,
  groupInput: (callId, step) => `https://gw/legs/${callId}/${step}/group-input`,
};
const of = { callId: 'call-1', carrierCallId: 'caller-leg' };
const bridgeWithDrops: CallInstruction = {
  kind: 'bridge',
  ...of,
  step: 1,
  to: '+33677000002',
  drop: [
    { step: 0, to: '+33677000001', carrierLegId: 'leg-0' },
    { step: 2, to: '+33177000002', carrierLegId: null },
  ],
};

describe('Vonage rendering of a group of legs', () => {
  it('the callee who pressed 1 is joined; the other legs of the group are hung up', () => {
    expect(renderForCallee(bridgeWithDrops, { step: 1, carrierLegId: 'leg-1' }, options)).toEqual({
      ncco: [],
      hangUp: [
        { step: 0, carrierLegId: 'leg-0' },
        { step: 2, carrierLegId: null },
      ],
    });
  });

  it('joined on pick-up (no confirmation): the caller keeps its NCCO, the other legs are hung up', () => {
    expect(renderForCaller(bridgeWithDrops, options)).toEqual({
      ncco: null,
      hangUp: [
        { step: 0, carrierLegId: 'leg-0' },
        { step: 2, carrierLegId: null },
      ],
    });
  });

  it('a bridge of a single leg hangs nothing up, as before', () => {
    const single: CallInstruction = { kind: 'bridge', ...of, step: 0, to: '+33677000001' };
    expect(renderForCaller(single, options)).toEqual({ ncco: null, hangUp: [] });
    expect(renderForCallee(single, { step: 0, carrierLegId: 'leg-0' }, options)).toEqual({ ncco: [], hangUp: [] });
  });

  it('the caller gone while the group rang: every live leg is hung up', () => {
    const legs = [0, 2].map((step) => ({
      kind: 'hang-up-leg' as const,
      ...of,
      step,
      to: `+3367700000${step}`,
      carrierLegId: `leg-${step}`,
    }));
    expect(renderForCaller({ kind: 'hang-up-legs', ...of, step: 0, legs }, options)).toEqual({
      ncco: null,
      hangUp: [
        { step: 0, carrierLegId: 'leg-0' },
        { step: 2, carrierLegId: 'leg-2' },
      ],
    });
  });

  it('a group: the caller waits in its own conversation (ringback as music on hold); the legs are placed by REST', () => {
    const group: CallInstruction = {
      kind: 'dial-group',
      ...of,
      step: 0,
      greeting: { kind: 'text', text: 'Hello', language: 'en-GB' },
      dials: [],
      dropLeg: { step: 3, to: '+33677000009', carrierLegId: 'leg-3' },
    };
    expect(renderForCaller(group, { ...options, ringbackToneUrl: 'https://tones.example/ring.mp3' })).toEqual({
      ncco: [
        { action: 'talk', text: 'Hello', language: 'en-GB' },
        {
          action: 'conversation',
          name: 'dutyline-call-1',
          musicOnHoldUrl: ['https://tones.example/ring.mp3'],
          startOnEnter: false,
          endOnExit: true,
        },
      ],
      hangUp: [{ step: 3, carrierLegId: 'leg-3' }],
    });
  });

  it("a group without a configured ringback: the caller holds on the gateway's own tone, never silence", () => {
    const group: CallInstruction = { kind: 'dial-group', ...of, step: 0, greeting: null, dials: [], dropLeg: null };
    expect(renderForCaller(group, options).ncco).toEqual([
      {
        action: 'conversation',
        name: 'dutyline-call-1',
        musicOnHoldUrl: ['https://gw/hold-tone.wav'],
        startOnEnter: false,
        endOnExit: true,
      },
    ]);
  });

  it('a leg of a group is an outbound call whose pick-up asks the gateway, ringing as long as its dial says', () => {
    const dial: DialInstruction = {
      kind: 'dial',
      ...of,
      step: 2,
      greeting: null,
      to: '+33677000002',
      callerId: '+33140000000',
      ringTimeoutSeconds: 25,
      confirm: true,
      machineDetection: true,
      target: { personId: 'p', personName: 'P', label: 'mobile', via: 'on-call', level: 0, teamId: null },
      dropLeg: null,
    };
    const request = groupLegCall(dial, { urls: groupUrls });
    expect({ ...request, to: request.to.e164, from: request.from.e164 }).toEqual({
      to: '+33677000002',
      from: '+33140000000',
      ncco: [
        {
          action: 'notify',
          payload: { callId: 'call-1', step: 2, confirm: true },
          eventUrl: ['https://gw/legs/call-1/2/group-answer'],
          eventMethod: 'POST',
        },
      ],
      eventUrl: 'https://gw/legs/call-1/2/group-event',
      ringingTimer: 25,
      machineDetection: { behavior: 'hangup', mode: 'detect' },
    });
    expect([true, false].map((confirm) => asksKey({ payload: { callId: 'call-1', step: 2, confirm } }))).toEqual([
      true,
      false,
    ]);
    expect(asksKey({})).toBe(true);
    expect(joinGroupNcco('call-1')).toEqual([
      { action: 'conversation', name: 'dutyline-call-1', startOnEnter: true, endOnExit: true },
    ]);
  });
});
