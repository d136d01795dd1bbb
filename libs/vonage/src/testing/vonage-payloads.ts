/**
 * Webhook payloads shaped as Vonage sends them, for tests that replay call sequences.
 * Numbers are written Vonage's way (digits, no `+`); every field can be overridden.
 */

type Fields = Record<string, unknown>;

/** The answer webhook's fields (query parameters of a GET, or the JSON body of a POST). */
export function answerPayload(overrides: Partial<Record<string, string>> = {}): Record<string, string> {
  return {
    to: '33140000000',
    from: '33612345678',
    uuid: 'aaaaaaaa-0000-4000-8000-000000000001',
    conversation_uuid: 'CON-aaaaaaaa-0000-4000-8000-000000000001',
    region_url: 'https://api-eu-3.vonage.com',
    ...overrides,
  } as Record<string, string>;
}

/** A call status event (`started`, `ringing`, `answered`, `busy`, `timeout`, `completed`, …). */
export function callEventPayload(status: string, overrides: Fields = {}): Fields {
  return {
    from: '33140000000',
    to: '33611111111',
    uuid: 'bbbbbbbb-0000-4000-8000-000000000001',
    conversation_uuid: 'CON-aaaaaaaa-0000-4000-8000-000000000001',
    status,
    direction: 'outbound',
    timestamp: '2027-03-28T01:30:00.000Z',
    ...overrides,
  };
}

/** Advanced machine detection's verdict: the leg is named `call_uuid`. */
export function machineEventPayload(status: 'human' | 'machine', overrides: Fields = {}): Fields {
  return {
    call_uuid: 'bbbbbbbb-0000-4000-8000-000000000001',
    conversation_uuid: 'CON-aaaaaaaa-0000-4000-8000-000000000001',
    status,
    timestamp: '2027-03-28T01:30:05.000Z',
    ...overrides,
  };
}

/** The result of an `input` action: `digits` pressed, or a time-out when empty. */
export function inputEventPayload(digits: string, overrides: Fields = {}): Fields {
  return {
    from: '33140000000',
    to: '33611111111',
    uuid: 'bbbbbbbb-0000-4000-8000-000000000001',
    conversation_uuid: 'CON-bbbbbbbb-0000-4000-8000-000000000001',
    dtmf: { digits, timed_out: digits === '' },
    timestamp: '2027-03-28T01:30:10.000Z',
    ...overrides,
  };
}

export function recordEventPayload(recordingUrl: string, overrides: Fields = {}): Fields {
  return {
    start_time: '2027-03-28T01:31:00Z',
    recording_url: recordingUrl,
    size: 12222,
    recording_uuid: 'cccccccc-0000-4000-8000-000000000001',
    end_time: '2027-03-28T01:31:30Z',
    conversation_uuid: 'CON-aaaaaaaa-0000-4000-8000-000000000001',
    timestamp: '2027-03-28T01:31:30.000Z',
    ...overrides,
  };
}
