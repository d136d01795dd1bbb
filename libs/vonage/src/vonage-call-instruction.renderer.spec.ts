import type { DialInstruction as DialToRender, CallInstruction as InstructionToRender } from '@dutyline/application';
import { Prompt, ValidationError } from '@dutyline/domain';
import {
  VonageCallUrls,
  VonageRenderOptions,
  releasedCalleeNcco,
  renderForCallee,
  renderForCaller,
} from './vonage-call-instruction.renderer';

const base = 'https://gw.example.com/vonage';
const urls: VonageCallUrls = {
  legEvent: (callId, step) => `${base}/legs/${callId}/${step}/event`,
  confirmation: (callId, step) => `${base}/legs/${callId}/${step}/confirm`,
  confirmationInput: (callId, step) => `${base}/legs/${callId}/${step}/confirm-input`,
  afterLeg: (callId, step) => `${base}/legs/${callId}/${step}/after`,
  recording: (callId) => `${base}/calls/${callId}/recording`,
  keys: (stage) => `${base}/calls/keys?stage=${encodeURIComponent(stage)}`,
  holdTone: () => `${base}/hold-tone.wav`,
};
const options: VonageRenderOptions = { urls };
const greeting: Prompt = { kind: 'text', text: 'Bonjour, ne quittez pas.', language: 'fr-FR' };

const dial = (overrides: Partial<DialToRender> = {}): DialToRender => ({
  kind: 'dial',
  callId: 'call-1',
  carrierCallId: 'caller-leg',
  step: 0,
  greeting: null,
  to: '+33611111111',
  callerId: '+33140000000',
  ringTimeoutSeconds: 20,
  confirm: true,
  machineDetection: false,
  target: { personId: 'alice', personName: 'Alice', label: 'mobile', via: 'on-call', level: 0, teamId: null },
  dropLeg: null,
  ...overrides,
});

describe('renderForCaller: what the caller side runs next', () => {
  it('greets, rings synchronously with onAnswer for the "press 1", then asks what next if the connect ends quietly', () => {
    expect(
      renderForCaller(dial({ greeting }), { ...options, ringbackToneUrl: 'https://cdn.example.com/ring.mp3' }),
    ).toEqual({
      ncco: [
        { action: 'talk', text: greeting.text, language: 'fr-FR' },
        {
          action: 'connect',
          endpoint: [
            {
              type: 'phone',
              number: '33611111111',
              onAnswer: { url: `${base}/legs/call-1/0/confirm`, ringbackTone: 'https://cdn.example.com/ring.mp3' },
            },
          ],
          from: '33140000000',
          eventType: 'synchronous',
          timeout: 20,
          eventUrl: [`${base}/legs/call-1/0/event`],
          eventMethod: 'POST',
          ringbackTone: 'https://cdn.example.com/ring.mp3',
        },
        {
          action: 'notify',
          payload: { callId: 'call-1', step: 0 },
          eventUrl: [`${base}/legs/call-1/0/after`],
          eventMethod: 'POST',
        },
      ],
      hangUp: [],
    });
  });

  it.each<[string, Partial<DialToRender>, Record<string, unknown>]>([
    ['no confirmation: no onAnswer', { confirm: false }, { endpoint: [{ type: 'phone', number: '33611111111' }] }],
    [
      'machine detection asked: advanced detection that hangs up a machine',
      { machineDetection: true },
      { advancedMachineDetection: { behavior: 'hangup', mode: 'detect' } },
    ],
    ["the caller's number as caller id", { callerId: '+33698765432' }, { from: '33698765432' }],
  ])('%s', (_name, overrides, expected) => {
    const { ncco } = renderForCaller(dial(overrides), options);
    expect(ncco?.find((action) => action.action === 'connect')).toMatchObject(expected);
  });

  it('hangs up the leg the call moved away from', () => {
    expect(
      renderForCaller(dial({ step: 1, dropLeg: { step: 0, to: '+33622222222', carrierLegId: 'leg-0' } }), options)
        .hangUp,
    ).toEqual([{ step: 0, carrierLegId: 'leg-0' }]);
  });

  it.each<[string, InstructionToRender, unknown[]]>([
    [
      "voicemail with its greeting, recorded to the call's recording URL",
      {
        kind: 'voicemail',
        callId: 'call-1',
        carrierCallId: 'caller-leg',
        step: 3,
        greeting,
        maxSeconds: 90,
        dropLeg: null,
      },
      [
        { action: 'talk', text: greeting.text, language: 'fr-FR' },
        expect.objectContaining({ action: 'record', timeOut: 90, eventUrl: [`${base}/calls/call-1/recording`] }),
      ],
    ],
    [
      'a closing message, then hang up',
      { kind: 'message', callId: 'call-1', carrierCallId: 'caller-leg', step: 3, prompt: greeting, dropLeg: null },
      [{ action: 'talk', text: greeting.text, language: 'fr-FR' }],
    ],
    [
      'a number no hotline answers: the polite message in the language',
      { kind: 'unknown-number', number: '+33140000000', language: 'fr-FR' },
      [
        expect.objectContaining({
          action: 'talk',
          language: 'fr-FR',
          text: expect.stringContaining("n'est pas en service"),
        }),
      ],
    ],
  ])('%s', (_name, instruction, ncco) => {
    expect(renderForCaller(instruction, options).ncco).toEqual(ncco);
  });

  it.each<[string, InstructionToRender, unknown[]]>([
    [
      'bridge (the synchronous connect joins by itself)',
      { kind: 'bridge', callId: 'call-1', carrierCallId: 'caller-leg', step: 0, to: '+33611111111' },
      [],
    ],
    ['nothing', { kind: 'nothing' }, []],
    [
      'a leg to stop',
      {
        kind: 'hang-up-leg',
        callId: 'call-1',
        carrierCallId: 'caller-leg',
        step: 2,
        to: '+33611111111',
        carrierLegId: 'leg-2',
      },
      [{ step: 2, carrierLegId: 'leg-2' }],
    ],
  ])('%s changes nothing for the caller', (_name, instruction, hangUp) => {
    expect(renderForCaller(instruction, options)).toEqual({ ncco: null, hangUp });
  });

  it('plays a menu (F25) interruptible by a key, then collects the keys on a URL carrying the stage', () => {
    const gather = (prompt: Prompt, keyed: boolean): InstructionToRender => ({
      kind: 'gather',
      prompt,
      language: 'fr-FR',
      stage: 'front:2',
      maxDigits: keyed ? 5 : 1,
      timeoutSeconds: 7,
      submitOnHash: keyed,
    });
    expect(renderForCaller(gather(greeting, false), options)).toEqual({
      ncco: [
        { action: 'talk', text: 'Bonjour, ne quittez pas.', language: 'fr-FR', bargeIn: true },
        {
          action: 'input',
          type: ['dtmf'],
          dtmf: { maxDigits: 1, timeOut: 7, submitOnHash: false },
          eventUrl: [`${base}/calls/keys?stage=front%3A2`],
          eventMethod: 'POST',
        },
      ],
      hangUp: [],
    });
    const audio = renderForCaller(gather({ kind: 'audio', url: 'https://example.com/menu.mp3' }, true), options);
    expect(audio.ncco).toMatchObject([
      { action: 'stream', streamUrl: ['https://example.com/menu.mp3'], bargeIn: true },
      { action: 'input', dtmf: { maxDigits: 5, submitOnHash: true } },
    ]);
  });

  it('refuses a number it cannot dial, naming the field (the gateway then answers its last resort)', () => {
    expect(() => renderForCaller(dial({ to: '0611' }), options)).toThrow(ValidationError);
  });
});

describe('renderForCallee: what the callee who picked up hears', () => {
  const self = { step: 0, carrierLegId: 'callee-leg' };

  it('announces the call and waits for one key, posted to the confirmation input URL', () => {
    const { ncco, hangUp } = renderForCallee(
      {
        kind: 'announce',
        callId: 'call-1',
        carrierCallId: 'caller-leg',
        step: 0,
        prompt: greeting,
        acceptKey: '1',
        timeoutSeconds: 6,
      },
      self,
      options,
    );
    expect(ncco).toEqual([
      { action: 'talk', text: greeting.text, language: 'fr-FR', loop: 2, bargeIn: true },
      {
        action: 'input',
        type: ['dtmf'],
        dtmf: { maxDigits: 1, timeOut: 6 },
        eventUrl: [`${base}/legs/call-1/0/confirm-input`],
        eventMethod: 'POST',
      },
    ]);
    expect(hangUp).toEqual([]);
  });

  it('joins on bridge: the onAnswer script ends', () => {
    expect(
      renderForCallee(
        { kind: 'bridge', callId: 'call-1', carrierCallId: 'caller-leg', step: 0, to: '+33611111111' },
        self,
        options,
      ),
    ).toEqual({ ncco: [], hangUp: [] });
  });

  it.each<[string, InstructionToRender]>([
    [
      'the call moved on to the next number',
      dial({ step: 1, dropLeg: { step: 0, to: '+33622222222', carrierLegId: null } }),
    ],
    [
      'the leg is no longer wanted',
      { kind: 'hang-up-leg', callId: 'call-1', carrierCallId: 'caller-leg', step: 0, to: null, carrierLegId: null },
    ],
    ['nothing to do (a stale key)', { kind: 'nothing' }],
  ])('never joins when %s: a release message, endless silence, and the leg hung up', (_name, instruction) => {
    const { ncco, hangUp } = renderForCallee(instruction, self, options);
    expect(ncco).toEqual(releasedCalleeNcco());
    expect(ncco?.[ncco.length - 1]).toMatchObject({ action: 'talk', loop: 0 });
    expect(hangUp).toEqual([self]);
  });
});
