import { MailAttachment, invalid } from '@dutyline/domain';

export type AudioFormat = 'mp3' | 'wav';

const CONTENT_TYPES: Record<AudioFormat, string> = { mp3: 'audio/mpeg', wav: 'audio/wav' };

const DECLARED: Record<string, AudioFormat> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mpeg3': 'mp3',
  'audio/x-mpeg-3': 'mp3',
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
};

export interface AudioAttachmentOptions {
  /** What the source said the audio is (`audio/mpeg`, `audio/x-wav`…); parameters are ignored. */
  readonly contentType?: string;
  /** File name without extension, e.g. `voicemail-2027-03-28-0215`; accents are dropped and other unsafe characters become `-`. @defaultValue 'voicemail' */
  readonly name?: string;
}

/**
 * An attachment for recorded audio: `<name>.mp3` as `audio/mpeg` or `<name>.wav` as `audio/wav`.
 * The bytes decide when they are recognisable (an ID3 tag or MPEG frame, a RIFF/WAVE header), since
 * they are what the recipient's player opens; otherwise the declared type does.
 * @throws ValidationError `EMPTY_AUDIO` (`audio`) or `UNSUPPORTED_AUDIO` (`contentType`)
 */
export function audioAttachment(audio: Uint8Array, options: AudioAttachmentOptions = {}): MailAttachment {
  if (!(audio instanceof Uint8Array) || audio.byteLength === 0)
    invalid('EMPTY_AUDIO', 'audio', 'there is no audio to attach');
  const declared = options.contentType?.split(';')[0].trim().toLowerCase();
  const format = sniffAudio(audio) ?? (declared === undefined ? undefined : DECLARED[declared]);
  if (format === undefined) {
    invalid(
      'UNSUPPORTED_AUDIO',
      'contentType',
      `audio must be MP3 or WAV, got ${declared ? `"${declared}"` : 'unrecognised bytes'}`,
    );
  }
  return {
    filename: `${audioBaseName(options.name, format)}.${format}`,
    contentType: CONTENT_TYPES[format],
    content: audio,
  };
}

/** The format the bytes show, if they show one. */
export function sniffAudio(audio: Uint8Array): AudioFormat | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...audio.subarray(from, to));
  if (audio.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (audio.length >= 3 && ascii(0, 3) === 'ID3') return 'mp3';
  // An MPEG audio frame starts with 11 set sync bits and a valid layer.
  if (audio.length >= 2 && audio[0] === 0xff && (audio[1] & 0xe0) === 0xe0 && (audio[1] & 0x06) !== 0) return 'mp3';
  return undefined;
}

function audioBaseName(name: string | undefined, format: AudioFormat): string {
  const safe = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(new RegExp(`\\.${format}$`, 'i'), '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100);
  return safe === '' ? 'voicemail' : safe;
}
