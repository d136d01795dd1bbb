import { RecordingCarrier } from '@dutyline/domain';

type RecordingSource = Pick<RecordingCarrier, 'fetchRecording'>;

/**
 * Picks the carrier by the reference: an http(s) URL is a Vonage `recording_url`, anything else a
 * simulator reference (`sim-rec-…`). A Vonage URL while Vonage is not configured is an operator's
 * fix: it fails (and retries) with a message saying so.
 */
export function recordingsByReference(vonage: RecordingSource | null, simulator: RecordingSource): RecordingSource {
  return {
    fetchRecording(reference: string) {
      if (!/^https?:\/\//i.test(reference)) return simulator.fetchRecording(reference);
      if (!vonage)
        return Promise.reject(
          new Error(
            'a Vonage recording cannot be downloaded: VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY are not set',
          ),
        );
      return vonage.fetchRecording(reference);
    },
  };
}

/**
 * The simulator's recordings: a second of a 440 Hz tone as an 8 kHz 16-bit mono WAV for any
 * `sim-rec-…` reference, so a newcomer's simulated voicemail arrives with something to play.
 */
export const simulatorRecordings: RecordingSource = {
  async fetchRecording(reference: string) {
    if (!reference.startsWith('sim-rec-'))
      throw Object.assign(new Error(`no simulated recording "${reference}"`), { retryable: false, status: 400 });
    return { audio: toneWav(1, 440), contentType: 'audio/wav' };
  },
};

function toneWav(seconds: number, hertz: number): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++)
    wav.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * hertz * i) / rate)), 44 + i * 2);
  return wav;
}
