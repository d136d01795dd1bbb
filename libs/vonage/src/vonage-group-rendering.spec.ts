import type { CallInstruction } from '@dutyline/application';
import { VonageRenderOptions, renderForCallee, renderForCaller } from './vonage-call-instruction.renderer';

// What an all-at-once level's moves (F26) become on Vonage: the losing legs hung up through the REST API.
const options: VonageRenderOptions = {
  urls: {
    legEvent: (callId, step) => `https://gw/legs/${callId}/${step}/event`,
    confirmation: (callId, step) => `https://gw/legs/${callId}/${step}/confirm`,
    confirmationInput: (callId, step) => `https://gw/legs/${callId}/${step}/confirm-input`,
    afterLeg: (callId, step) => `https://gw/legs/${callId}/${step}/after`,
    recording: (callId) => `https://gw/calls/${callId}/recording`,
    keys: (stage) => `https://gw/calls/keys?stage=${stage}`,
  },
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

  it('refuses to ring a group: the adapter rings one leg at a time (parallelDialing off)', () => {
    const group: CallInstruction = { kind: 'dial-group', ...of, step: 0, greeting: null, dials: [], dropLeg: null };
    expect(() => renderForCaller(group, options)).toThrow('does not ring legs in parallel');
  });
});
