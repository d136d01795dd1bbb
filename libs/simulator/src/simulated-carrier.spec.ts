import { PermanentDeliveryError, PhoneNumber } from '@dutyline/domain';
import { SimulatedCarrier, SimulatedLeg } from './simulated-carrier';

const number = (e164: string) => PhoneNumber.fromE164(e164);
const request = (to: string) => ({
  callId: 'cb-1',
  to: number(to),
  from: number('+33140000000'),
  ringTimeoutSeconds: 25,
  confirmation: { kind: 'text' as const, text: 'Callback for Boiler room. Press 1.', language: 'en-GB' },
});

describe('simulated carrier (embedded default)', () => {
  it('dials with the scripted outcomes of each number, then the default, and tells each outcome', async () => {
    const told: SimulatedLeg[] = [];
    const lines: string[] = [];
    const carrier = new SimulatedCarrier({
      outcomes: { '+33611111111': ['busy', 'no-answer'] },
      defaultOutcome: 'confirmed',
      onLegOutcome: (leg) => told.push(leg),
      onLine: (line) => lines.push(line),
    });
    const legs = [];
    for (const to of ['+33611111111', '+33611111111', '+33611111111', '+33622222222'])
      legs.push(await carrier.dial(request(to)));
    await Promise.resolve();
    expect(legs).toEqual([
      { legId: 'sim-leg-1' },
      { legId: 'sim-leg-2' },
      { legId: 'sim-leg-3' },
      { legId: 'sim-leg-4' },
    ]);
    expect(told.map((leg) => `${leg.legId} ${leg.request.to.e164} ${leg.outcome}`)).toEqual([
      'sim-leg-1 +33611111111 busy',
      'sim-leg-2 +33611111111 no-answer',
      'sim-leg-3 +33611111111 confirmed',
      'sim-leg-4 +33622222222 confirmed',
    ]);
    expect(lines[0]).toBe(
      'Call cb-1: dial +33611111111 from +33140000000 for 25 s, announcing "Callback for Boiler room. Press 1.": busy',
    );
  });

  it('keeps transfers and hang-ups', async () => {
    const carrier = new SimulatedCarrier();
    await carrier.transfer('call-1', number('+33622222222'));
    await carrier.hangup('call-1');
    expect(carrier.transfers).toEqual([{ callId: 'call-1', to: '+33622222222' }]);
    expect(carrier.hangups).toEqual(['call-1']);
  });

  it('keeps text messages, and refuses for good those to refused numbers', async () => {
    const carrier = new SimulatedCarrier({ refuseSmsTo: ['+33699999999'] });
    expect(
      await carrier.sendSms(number('+33611111111'), number('+33140000000'), 'Voicemail from +33612345678'),
    ).toEqual({ messageId: 'sim-sms-1' });
    await expect(carrier.sendSms(number('+33699999999'), number('+33140000000'), 'x')).rejects.toBeInstanceOf(
      PermanentDeliveryError,
    );
    expect(carrier.sms).toEqual([
      { messageId: 'sim-sms-1', to: '+33611111111', from: '+33140000000', text: 'Voicemail from +33612345678' },
    ]);
  });

  it('records, and serves recordings as a playable WAV file', async () => {
    const carrier = new SimulatedCarrier({ recordingSeconds: 1 });
    await carrier.record('call-1', { greeting: null, maxSeconds: 120 });
    expect(carrier.recordings).toEqual([
      { callId: 'call-1', reference: 'sim-rec-call-1-1', greeting: null, maxSeconds: 120 },
    ]);
    const { audio, contentType } = await carrier.fetchRecording('sim-rec-call-1-1');
    expect(contentType).toBe('audio/wav');
    expect({
      riff: audio.toString('ascii', 0, 4),
      size: audio.readUInt32LE(4),
      wave: audio.toString('ascii', 8, 12),
      format: audio.readUInt16LE(20),
      channels: audio.readUInt16LE(22),
      rate: audio.readUInt32LE(24),
      bits: audio.readUInt16LE(34),
      data: audio.toString('ascii', 36, 40),
      dataBytes: audio.readUInt32LE(40),
      length: audio.length,
    }).toEqual({
      riff: 'RIFF',
      size: 36 + 16000,
      wave: 'WAVE',
      format: 1,
      channels: 1,
      rate: 8000,
      bits: 16,
      data: 'data',
      dataBytes: 16000,
      length: 44 + 16000,
    });
    expect(Math.max(...Array.from({ length: 100 }, (_, i) => Math.abs(audio.readInt16LE(44 + i * 2))))).toBeGreaterThan(
      5000,
    );
  });

  it('serves the recordings of simulated inbound calls too, and no others', async () => {
    const carrier = new SimulatedCarrier();
    await expect(carrier.fetchRecording('sim-rec-call-7')).resolves.toMatchObject({ contentType: 'audio/wav' });
    await expect(carrier.fetchRecording('https://api.nexmo.com/v1/files/x')).rejects.toThrow('no simulated recording');
  });
});
