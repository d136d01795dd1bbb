import type { IncomingMessage, ServerResponse } from 'node:http';
import { wavTone } from '@dutyline/simulator';

/** Where the gateway serves its ringback tone: public, no signature (Vonage fetches it like any audio URL). */
export const HOLD_TONE_PATH = '/vonage/hold-tone.wav';

/** One ringback cycle as in France: 440 Hz for 1.5 s, then 3.5 s of silence (Vonage loops the music on hold). */
const TONE_SECONDS = 1.5;
const CYCLE_SECONDS = 5;
const SAMPLE_RATE = 8000;
const HEADER_BYTES = 44;

let cached: Buffer | null = null;

/** The hold tone: a mono 16-bit PCM WAV of one ringback cycle, built once. */
export function holdToneWav(): Buffer {
  if (cached) return cached;
  const tone = wavTone({ seconds: TONE_SECONDS, frequency: 440, sampleRate: SAMPLE_RATE, volume: 0.25 });
  const dataBytes = CYCLE_SECONDS * SAMPLE_RATE * 2;
  const wav = Buffer.alloc(HEADER_BYTES + dataBytes);
  tone.copy(wav);
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.writeUInt32LE(dataBytes, 40);
  cached = wav;
  return wav;
}

/** Serves the hold tone for GET and HEAD on `HOLD_TONE_PATH` (true), else leaves the request (false). */
export function serveHoldTone(request: IncomingMessage, response: ServerResponse): boolean {
  const path = (request.url ?? '').split('?')[0];
  if (path !== HOLD_TONE_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
  const wav = holdToneWav();
  response.statusCode = 200;
  response.setHeader('content-type', 'audio/wav');
  response.setHeader('content-length', wav.length);
  response.setHeader('cache-control', 'public, max-age=86400');
  response.end(request.method === 'HEAD' ? undefined : wav);
  return true;
}
