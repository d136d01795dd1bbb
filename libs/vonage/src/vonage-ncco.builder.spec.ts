import { PhoneNumber, Prompt, ValidationError } from '@dutyline/domain';
import {
  connect,
  dtmfInput,
  notify,
  phoneEndpoint,
  playPrompt,
  record,
  sipEndpoint,
  stream,
  talk,
} from './vonage-ncco.actions';
import {
  answerConfirmationNcco,
  connectToNumberNcco,
  messageThenHangupNcco,
  unknownNumberNcco,
  voicemailNcco,
} from './vonage-ncco.builder';

const hotline = PhoneNumber.fromE164('+33140000000');
const alice = PhoneNumber.fromE164('+33612345678');
const frenchGreeting: Prompt = {
  kind: 'text',
  text: 'Bonjour, vous êtes en ligne avec l’astreinte.',
  language: 'fr-FR',
};
const audioGreeting: Prompt = { kind: 'audio', url: 'https://cdn.example.com/greeting.mp3' };

function refusal(build: () => unknown): { code: string; field: string | undefined } {
  try {
    build();
  } catch (error) {
    if (error instanceof ValidationError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('connectToNumberNcco: one step of the cascade', () => {
  it('greets, then rings the number synchronously with the ring timeout, caller id and event URL', () => {
    const ncco = connectToNumberNcco({
      greeting: frenchGreeting,
      to: alice,
      from: hotline,
      ringTimeoutSeconds: 25,
      eventUrl: 'https://gw.example.com/vonage/event/leg?call=c1&step=0',
    });

    expect(ncco).toEqual([
      { action: 'talk', text: frenchGreeting.text, language: 'fr-FR' },
      {
        action: 'connect',
        endpoint: [{ type: 'phone', number: '33612345678' }],
        from: '33140000000',
        eventType: 'synchronous',
        timeout: 25,
        eventUrl: ['https://gw.example.com/vonage/event/leg?call=c1&step=0'],
        eventMethod: 'POST',
      },
    ]);
  });

  it('plays an audio greeting with stream and omits the greeting when there is none', () => {
    const withAudio = connectToNumberNcco({
      greeting: audioGreeting,
      to: alice,
      from: hotline,
      ringTimeoutSeconds: 20,
      eventUrl: 'https://gw/e',
    });
    const without = connectToNumberNcco({
      greeting: null,
      to: alice,
      from: hotline,
      ringTimeoutSeconds: 20,
      eventUrl: 'https://gw/e',
    });

    expect(withAudio[0]).toEqual({ action: 'stream', streamUrl: ['https://cdn.example.com/greeting.mp3'] });
    expect(without.map((action) => action.action)).toEqual(['connect']);
  });

  it('asks the callee to confirm through onAnswer, with ringback for the caller meanwhile', () => {
    const [action] = connectToNumberNcco({
      to: alice,
      from: hotline,
      ringTimeoutSeconds: 25,
      eventUrl: 'https://gw/e',
      confirmationUrl: 'https://gw/vonage/confirm?call=c1',
      ringbackToneUrl: 'https://cdn.example.com/ringback.mp3',
    });

    expect(action).toMatchObject({
      action: 'connect',
      ringbackTone: 'https://cdn.example.com/ringback.mp3',
      endpoint: [
        {
          type: 'phone',
          number: '33612345678',
          onAnswer: { url: 'https://gw/vonage/confirm?call=c1', ringbackTone: 'https://cdn.example.com/ringback.mp3' },
        },
      ],
    });
  });

  it('adds advanced machine detection under the camelCase key, beep_timeout inside in snake case', () => {
    const [action] = connectToNumberNcco({
      to: alice,
      from: hotline,
      ringTimeoutSeconds: 25,
      eventUrl: 'https://gw/e',
      machineDetection: { mode: 'detect_beep', beepTimeoutSeconds: 45 },
    });

    expect(action).toMatchObject({
      advancedMachineDetection: { behavior: 'continue', mode: 'detect_beep', beep_timeout: 45 },
    });
    expect(action).not.toHaveProperty('advanced_machine_detection');
  });

  it.each([
    ['ring timeout below 3 s', { ringTimeoutSeconds: 2 }, 'connect.timeout'],
    ['ring timeout not whole', { ringTimeoutSeconds: 12.5 }, 'connect.timeout'],
    ['event URL not http', { eventUrl: 'ftp://gw/e' }, 'connect.eventUrl'],
    ['confirmation URL not a URL', { confirmationUrl: 'press one' }, 'connect.endpoint.onAnswer.url'],
    [
      'beep timeout under 45 s',
      { machineDetection: { beepTimeoutSeconds: 30 } },
      'connect.advancedMachineDetection.beepTimeout',
    ],
    [
      'unknown detection mode',
      { machineDetection: { mode: 'guess' as never } },
      'connect.advancedMachineDetection.mode',
    ],
    ['call limit over 2 h', { limitSeconds: 7201 }, 'connect.limit'],
  ])('refuses a %s, naming the field', (_case, override, field) => {
    const base = { to: alice, from: hotline, ringTimeoutSeconds: 25, eventUrl: 'https://gw/e' };

    expect(refusal(() => connectToNumberNcco({ ...base, ...override }))).toEqual({ code: expect.any(String), field });
  });
});

describe('answerConfirmationNcco: "press 1 to take this call"', () => {
  it('plays the announcement twice, interruptible, then waits for one key', () => {
    const announcement: Prompt = {
      kind: 'text',
      text: 'Appel pour Maintenance de 06 12 34 56 78. Tapez 1 pour le prendre.',
      language: 'fr-FR',
    };

    expect(answerConfirmationNcco({ announcement, eventUrl: 'https://gw/vonage/confirmed?call=c1' })).toEqual([
      { action: 'talk', text: announcement.text, language: 'fr-FR', loop: 2, bargeIn: true },
      {
        action: 'input',
        type: ['dtmf'],
        dtmf: { maxDigits: 1, timeOut: 5 },
        eventUrl: ['https://gw/vonage/confirmed?call=c1'],
        eventMethod: 'POST',
      },
    ]);
  });

  it("takes a custom wait, refusing one beyond Vonage's 10 s", () => {
    const announcement: Prompt = { kind: 'audio', url: 'https://cdn/ann.mp3' };

    expect(answerConfirmationNcco({ announcement, eventUrl: 'https://gw/c', timeoutSeconds: 8 })[1]).toMatchObject({
      dtmf: { timeOut: 8 },
    });
    expect(
      refusal(() => answerConfirmationNcco({ announcement, eventUrl: 'https://gw/c', timeoutSeconds: 11 })),
    ).toEqual({
      code: 'OUT_OF_RANGE',
      field: 'input.dtmf.timeOut',
    });
  });
});

describe('voicemailNcco', () => {
  it('greets, beeps and records to the event URL with the defaults', () => {
    expect(voicemailNcco({ greeting: frenchGreeting, eventUrl: 'https://gw/vonage/recorded?call=c1' })).toEqual([
      { action: 'talk', text: frenchGreeting.text, language: 'fr-FR' },
      {
        action: 'record',
        format: 'mp3',
        beepStart: true,
        endOnSilence: 5,
        endOnKey: '#',
        timeOut: 120,
        eventUrl: ['https://gw/vonage/recorded?call=c1'],
        eventMethod: 'POST',
      },
    ]);
  });

  it('records straight away without a greeting, and can thank the caller afterwards', () => {
    const closing: Prompt = { kind: 'text', text: 'Thank you.', language: 'en-GB' };
    const ncco = voicemailNcco({ eventUrl: 'https://gw/r', closing, endOnKey: null, maxSeconds: 300 });

    expect(ncco.map((action) => action.action)).toEqual(['record', 'talk']);
    expect(ncco[0]).not.toHaveProperty('endOnKey');
    expect(ncco[0]).toMatchObject({ timeOut: 300 });
  });

  it.each([
    [{ maxSeconds: 2 }, 'record.timeOut'],
    [{ maxSeconds: 7201 }, 'record.timeOut'],
    [{ endOnSilenceSeconds: 11 }, 'record.endOnSilence'],
    [{ endOnKey: '##' }, 'record.endOnKey'],
    [{ format: 'flac' as never }, 'record.format'],
  ])('refuses %j', (override, field) => {
    expect(refusal(() => voicemailNcco({ eventUrl: 'https://gw/r', ...override })).field).toBe(field);
  });
});

describe('messages', () => {
  it('plays a message and ends the NCCO there, so Vonage hangs up', () => {
    const message: Prompt = {
      kind: 'text',
      text: 'Nobody can take your call. Please call again later.',
      language: 'en-GB',
    };

    expect(messageThenHangupNcco(message)).toEqual([{ action: 'talk', text: message.text, language: 'en-GB' }]);
  });

  it.each([
    ['fr-FR', 'fr-FR', /^Désolé, ce numéro/],
    ['fr-CA', 'fr-CA', /^Désolé, ce numéro/],
    ['de', 'de-DE', /^Leider/],
    ['es-ES', 'es-ES', /^Lo sentimos/],
    ['en-US', 'en-US', /^Sorry, this number/],
    ['ja-JP', 'en-GB', /^Sorry, this number/],
    ['not a tag', 'en-GB', /^Sorry, this number/],
  ])('says politely that the number is not in service (%s → spoken as %s)', (language, spokenAs, text) => {
    const [action] = unknownNumberNcco(language);

    expect(action).toMatchObject({ action: 'talk', language: spokenAs, text: expect.stringMatching(text) });
  });
});

describe('single actions', () => {
  it('accepts a talk text of exactly 1500 characters and refuses 1501', () => {
    expect(talk('a'.repeat(1500)).text).toHaveLength(1500);
    expect(refusal(() => talk('a'.repeat(1501)))).toEqual({ code: 'TOO_LONG', field: 'talk.text' });
  });

  it.each([
    ['talk.text', 'REQUIRED', () => talk('   ')],
    ['talk.language', 'INVALID_LANGUAGE', () => talk('hi', { language: 'French' })],
    ['talk.level', 'OUT_OF_RANGE', () => talk('hi', { level: 1.5 })],
    ['talk.loop', 'OUT_OF_RANGE', () => talk('hi', { loop: -1 })],
    ['stream.streamUrl', 'INVALID_URL', () => stream('/greeting.mp3')],
    ['endpoint.uri', 'INVALID_SIP_URI', () => sipEndpoint('alice@example.com')],
    [
      'endpoint.headers.X-Bad',
      'INVALID_SIP_HEADER',
      () => sipEndpoint('sip:alice@example.com', { headers: { 'X-Bad': 'a\r\nInjected: 1' } }),
    ],
    ['endpoint.dtmfAnswer', 'INVALID_VALUE', () => phoneEndpoint(alice, { dtmfAnswer: 'abc' })],
    ['endpoint.onAnswer.url', 'REQUIRED', () => phoneEndpoint(alice, { onAnswerRingbackTone: 'https://cdn/r.mp3' })],
    ['input.dtmf.maxDigits', 'OUT_OF_RANGE', () => dtmfInput({ maxDigits: 21 })],
    ['record.endOnSilence', 'OUT_OF_RANGE', () => record({ endOnSilenceSeconds: 2 })],
    ['notify.eventUrl', 'INVALID_URL', () => notify({ step: 1 }, 'not a url')],
  ])('refuses an invalid %s with %s', (field, code, build) => {
    expect(refusal(build)).toEqual({ code, field });
  });

  it('connects to a SIP endpoint with X- headers, asynchronously when asked', () => {
    const endpoint = sipEndpoint('sip:desk@pbx.example.com', { headers: { 'X-Call-Id': 'c1' } });

    expect(connect(endpoint, { eventUrl: 'https://gw/e', eventType: null, timeoutSeconds: 30 })).toEqual({
      action: 'connect',
      endpoint: [{ type: 'sip', uri: 'sip:desk@pbx.example.com', headers: { 'X-Call-Id': 'c1' } }],
      timeout: 30,
      eventUrl: ['https://gw/e'],
      eventMethod: 'POST',
    });
  });

  it('builds a notify action with its payload and one event URL', () => {
    expect(notify({ callId: 'c1', step: 2 }, 'https://gw/vonage/notify')).toEqual({
      action: 'notify',
      payload: { callId: 'c1', step: 2 },
      eventUrl: ['https://gw/vonage/notify'],
    });
  });

  it('produces plain JSON: what is built survives a round trip unchanged', () => {
    const ncco = [
      playPrompt(audioGreeting, { bargeIn: true }),
      ...connectToNumberNcco({
        to: alice,
        from: hotline,
        ringTimeoutSeconds: 25,
        eventUrl: 'https://gw/e',
        confirmationUrl: 'https://gw/c',
      }),
    ];

    expect(JSON.parse(JSON.stringify(ncco))).toEqual(ncco);
  });
});
