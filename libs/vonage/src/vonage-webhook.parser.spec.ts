import { ValidationError, parseInstant } from '@dutyline/domain';
import { answerPayload, callEventPayload, inputEventPayload, machineEventPayload, recordEventPayload } from './testing';
import { phoneNumberFromVonage, toVonageNumber } from './vonage-number';
import {
  parseAnswerWebhook,
  parseEventWebhook,
  parseFallbackWebhook,
  parseInputWebhook,
  parseRecordWebhook,
} from './vonage-webhook.parser';

function refusal(parse: () => unknown): { code: string; field: string | undefined } {
  try {
    parse();
  } catch (error) {
    if (error instanceof ValidationError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseAnswerWebhook', () => {
  it('reads a GET answer from its query string, SIP X- headers included', () => {
    const query = new URLSearchParams({
      ...answerPayload(),
      endpoint_type: 'phone',
      'SipHeader_X-Customer-Id': '4711',
      custom_data: '{"campaign":"winter"}',
    });

    expect(parseAnswerWebhook(query)).toEqual({
      to: '33140000000',
      from: '33612345678',
      uuid: 'aaaaaaaa-0000-4000-8000-000000000001',
      conversationUuid: 'CON-aaaaaaaa-0000-4000-8000-000000000001',
      endpointType: 'phone',
      fromUser: null,
      regionUrl: 'https://api-eu-3.vonage.com',
      customData: { campaign: 'winter' },
      sipHeaders: { 'X-Customer-Id': '4711' },
    });
  });

  it('reads a POST answer from its JSON body, and a withheld caller as null', () => {
    const answer = parseAnswerWebhook({ ...answerPayload({ from: '' }), custom_data: { campaign: 'winter' } });

    expect(answer).toMatchObject({ from: null, customData: { campaign: 'winter' }, sipHeaders: {} });
  });

  it.each([
    ['to', { to: undefined }, 'REQUIRED'],
    ['uuid', { uuid: '' }, 'REQUIRED'],
    ['conversation_uuid', { conversation_uuid: undefined }, 'REQUIRED'],
    ['from', { from: { number: '1' } }, 'INVALID_VALUE'],
  ])('names the faulty field %s', (field, override, code) => {
    expect(refusal(() => parseAnswerWebhook({ ...answerPayload(), ...override }))).toEqual({ code, field });
  });

  it('refuses a query where a field is repeated', () => {
    expect(refusal(() => parseAnswerWebhook(new URLSearchParams('to=331&to=332&uuid=u&conversation_uuid=c')))).toEqual({
      code: 'INVALID_VALUE',
      field: 'to',
    });
  });

  it('refuses something that is not a payload at all', () => {
    expect(refusal(() => parseAnswerWebhook([] as never))).toEqual({ code: 'INVALID_PAYLOAD', field: '' });
  });
});

describe('parseEventWebhook', () => {
  it('reads a busy leg with its detail and SIP code', () => {
    const event = parseEventWebhook(callEventPayload('busy', { detail: 'busy', sip_code: 486 }));

    expect(event).toMatchObject({
      kind: 'call-status',
      status: 'busy',
      uuid: 'bbbbbbbb-0000-4000-8000-000000000001',
      detail: 'busy',
      sipCode: 486,
      direction: 'outbound',
      timestamp: parseInstant('2027-03-28T01:30:00Z'),
    });
  });

  it.each([
    [
      'numbers',
      {
        duration: 42,
        rate: 0.014,
        price: 0.0098,
        start_time: '2027-03-28T01:29:00.000Z',
        end_time: '2027-03-28T01:29:42.000Z',
      },
    ],
    [
      'strings',
      {
        duration: '42',
        rate: '0.01400000',
        price: '0.00980000',
        start_time: '2027-03-28T01:29:00Z',
        end_time: '2027-03-28 01:29:42',
      },
    ],
    [
      'epoch values',
      { duration: '42', rate: '0.014', price: 0.0098, start_time: 1806197340, end_time: '1806197382000' },
    ],
  ])('reads a completed leg whose figures arrive as %s', (_case, figures) => {
    const event = parseEventWebhook(
      callEventPayload('completed', { ...figures, network: '20801', disconnected_by: 'user' }),
    );

    expect(event).toMatchObject({
      kind: 'call-status',
      status: 'completed',
      duration: 42,
      rate: 0.014,
      price: 0.0098,
      network: '20801',
      disconnectedBy: 'user',
      startTime: parseInstant('2027-03-28T01:29:00Z'),
      endTime: parseInstant('2027-03-28T01:29:42Z'),
    });
  });

  it('reads a time with a compact offset', () => {
    expect(parseEventWebhook(callEventPayload('ringing', { timestamp: '2027-03-28T03:30:00+0200' }))).toMatchObject({
      timestamp: parseInstant('2027-03-28T01:30:00Z'),
    });
  });

  it.each([
    [
      'advanced detection (call_uuid)',
      machineEventPayload('machine', { sub_state: 'beep_start' }),
      'machine',
      'beep_start',
    ],
    ['standard detection (uuid)', { uuid: 'bbbbbbbb-0000-4000-8000-000000000001', status: 'human' }, 'human', null],
  ])('reads machine detection from %s', (_case, payload, status, subState) => {
    expect(parseEventWebhook(payload)).toEqual({
      kind: 'machine-detection',
      status,
      uuid: 'bbbbbbbb-0000-4000-8000-000000000001',
      conversationUuid: (payload as Record<string, unknown>)['conversation_uuid'] ?? null,
      subState,
      timestamp: (payload as Record<string, unknown>)['timestamp'] ? parseInstant('2027-03-28T01:30:05Z') : null,
    });
  });

  it('reads an NCCO error report', () => {
    expect(
      parseEventWebhook({ reason: 'Invalid NCCO.', conversation_uuid: 'CON-1', timestamp: '2027-03-28T01:30:00.000Z' }),
    ).toEqual({
      kind: 'ncco-error',
      reason: 'Invalid NCCO.',
      conversationUuid: 'CON-1',
      timestamp: parseInstant('2027-03-28T01:30:00Z'),
    });
  });

  it('reads a transfer between conversations', () => {
    expect(
      parseEventWebhook({ uuid: 'leg-1', conversation_uuid_from: 'CON-1', conversation_uuid_to: 'CON-2' }),
    ).toMatchObject({
      kind: 'transfer',
      uuid: 'leg-1',
      conversationUuidFrom: 'CON-1',
      conversationUuidTo: 'CON-2',
    });
  });

  it('keeps a status it does not know as unrecognised rather than refusing it', () => {
    expect(parseEventWebhook(callEventPayload('hologram'))).toEqual({
      kind: 'unrecognised',
      status: 'hologram',
      uuid: 'bbbbbbbb-0000-4000-8000-000000000001',
      conversationUuid: 'CON-aaaaaaaa-0000-4000-8000-000000000001',
    });
  });

  it.each([
    ['status', {}, 'REQUIRED'],
    ['uuid', callEventPayload('ringing', { uuid: undefined }), 'REQUIRED'],
    ['call_uuid', machineEventPayload('machine', { call_uuid: undefined }), 'REQUIRED'],
    ['duration', callEventPayload('completed', { duration: 'forty' }), 'INVALID_NUMBER'],
    ['duration', callEventPayload('completed', { duration: 4.5 }), 'INVALID_NUMBER'],
    ['price', callEventPayload('completed', { price: '0,01' }), 'INVALID_NUMBER'],
    ['sip_code', callEventPayload('failed', { sip_code: 99 }), 'INVALID_NUMBER'],
    ['start_time', callEventPayload('completed', { start_time: 'yesterday' }), 'INVALID_INSTANT'],
    ['direction', callEventPayload('ringing', { direction: 'sideways' }), 'INVALID_VALUE'],
  ])('names the faulty field %s', (field, payload, code) => {
    expect(refusal(() => parseEventWebhook(payload))).toEqual({ code, field });
  });
});

describe('parseInputWebhook', () => {
  it.each([
    ['a key', inputEventPayload('1'), '1', false],
    ['a time-out', inputEventPayload(''), '', true],
    ['the older flat shape', { uuid: 'leg-1', dtmf: '9', timed_out: 'false' }, '9', false],
    ['a time-out without digits', { uuid: 'leg-1', dtmf: { timed_out: true } }, '', true],
  ])('reads %s', (_case, payload, digits, timedOut) => {
    expect(parseInputWebhook(payload)).toMatchObject({ digits, timedOut });
  });

  it.each([
    ['uuid', inputEventPayload('1', { uuid: undefined }), 'REQUIRED'],
    ['dtmf.digits', inputEventPayload('1', { dtmf: { digits: '1a', timed_out: false } }), 'INVALID_VALUE'],
    ['dtmf.timed_out', inputEventPayload('1', { dtmf: { digits: '1', timed_out: 'maybe' } }), 'INVALID_VALUE'],
    ['dtmf', inputEventPayload('1', { dtmf: 7 }), 'INVALID_VALUE'],
  ])('names the faulty field %s', (field, payload, code) => {
    expect(refusal(() => parseInputWebhook(payload))).toEqual({ code, field });
  });
});

describe('parseRecordWebhook', () => {
  it('reads where the recording is and how big it is', () => {
    expect(
      parseRecordWebhook(recordEventPayload('https://api.nexmo.com/v1/files/cccccccc', { size: '12222' })),
    ).toEqual({
      recordingUrl: 'https://api.nexmo.com/v1/files/cccccccc',
      recordingUuid: 'cccccccc-0000-4000-8000-000000000001',
      conversationUuid: 'CON-aaaaaaaa-0000-4000-8000-000000000001',
      uuid: null,
      size: 12222,
      startTime: parseInstant('2027-03-28T01:31:00Z'),
      endTime: parseInstant('2027-03-28T01:31:30Z'),
      timestamp: parseInstant('2027-03-28T01:31:30Z'),
    });
  });

  it.each([
    ['recording_url', recordEventPayload('file:///etc/passwd'), 'INVALID_URL'],
    ['recording_url', recordEventPayload('https://x', { recording_url: undefined }), 'REQUIRED'],
    ['recording_uuid', recordEventPayload('https://x', { recording_uuid: '' }), 'REQUIRED'],
    ['size', recordEventPayload('https://x', { size: -1.5 }), 'INVALID_NUMBER'],
  ])('names the faulty field %s', (field, payload, code) => {
    expect(refusal(() => parseRecordWebhook(payload))).toEqual({ code, field });
  });
});

describe('parseFallbackWebhook', () => {
  it.each([
    ['a POST (object)', { original_request: { url: 'https://gw/vonage/answer', type: 'answer' } }],
    ['a GET (JSON text)', { original_request: '{"url":"https://gw/vonage/answer","type":"answer"}' }],
  ])('reads why Vonage fell back, from %s', (_case, extra) => {
    expect(parseFallbackWebhook({ ...answerPayload(), reason: 'Socket timeout.', ...extra })).toMatchObject({
      reason: 'Socket timeout.',
      originalRequest: { url: 'https://gw/vonage/answer', type: 'answer' },
      to: '33140000000',
      uuid: 'aaaaaaaa-0000-4000-8000-000000000001',
    });
  });

  it.each([
    ['reason', { original_request: { url: 'https://gw/a', type: 'answer' } }, 'REQUIRED'],
    ['original_request', { reason: 'x' }, 'REQUIRED'],
    ['original_request', { reason: 'x', original_request: '{not json' }, 'INVALID_VALUE'],
    [
      'original_request.type',
      { reason: 'x', original_request: { url: 'https://gw/a', type: 'record' } },
      'INVALID_VALUE',
    ],
    ['original_request.url', { reason: 'x', original_request: { type: 'event' } }, 'REQUIRED'],
  ])('names the faulty field %s', (field, payload, code) => {
    expect(refusal(() => parseFallbackWebhook(payload))).toEqual({ code, field });
  });
});

describe('Vonage numbers', () => {
  it.each([
    ['33612345678', '+33612345678'],
    ['+33612345678', '+33612345678'],
    ['12025550123', '+12025550123'],
  ])('reads %s as %s', (raw, e164) => {
    expect(phoneNumberFromVonage(raw)?.e164).toBe(e164);
  });

  it.each([
    [''],
    ['Unknown'],
    ['anonymous'],
    ['sip:alice@example.com'],
    ['0612345678'],
    ['999999999'],
    [null],
    [undefined],
  ])('reads %p as no dialable number', (raw) => {
    expect(phoneNumberFromVonage(raw)).toBeNull();
  });

  it('writes a number the way Vonage wants it: E.164 digits without +', () => {
    expect(toVonageNumber(phoneNumberFromVonage('+33612345678')!)).toBe('33612345678');
  });
});
