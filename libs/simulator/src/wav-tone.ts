export interface WavToneOptions {
  /** @defaultValue 1 */
  readonly seconds?: number;
  /** @defaultValue 440 */
  readonly frequency?: number;
  /** @defaultValue 8000 (telephone quality) */
  readonly sampleRate?: number;
  /** 0 to 1. @defaultValue 0.3 */
  readonly volume?: number;
}

/** A valid mono 16-bit PCM WAV file of a sine tone: what a simulated voicemail sounds like. */
export function wavTone(options: WavToneOptions = {}): Buffer {
  const seconds = options.seconds ?? 1;
  const frequency = options.frequency ?? 440;
  const sampleRate = options.sampleRate ?? 8000;
  const volume = Math.min(1, Math.max(0, options.volume ?? 0.3));
  const samples = Math.round(seconds * sampleRate);
  const dataBytes = samples * 2;
  const wav = Buffer.alloc(44 + dataBytes);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  wav.writeUInt16LE(2, 32); // bytes per frame
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples; i++) {
    wav.writeInt16LE(Math.round(volume * 32767 * Math.sin((2 * Math.PI * frequency * i) / sampleRate)), 44 + i * 2);
  }
  return wav;
}
