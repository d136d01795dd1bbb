import { audioAttachment, sniffAudio } from './audio-attachment';

const MP3_ID3 = Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00audio', 'latin1');
const MP3_FRAME = Buffer.from([0xff, 0xfb, 0x90, 0x64, 0x00, 0x00]);
const WAV = Buffer.concat([
  Buffer.from('RIFF', 'latin1'),
  Buffer.from([0x24, 0, 0, 0]),
  Buffer.from('WAVEfmt ', 'latin1'),
]);
const UNKNOWN = Buffer.from('OggS\x00\x02', 'latin1');

const refused = (build: () => unknown, code: string, field: string) =>
  expect(build).toThrow(expect.objectContaining({ name: 'ValidationError', code, field }));

describe('audioAttachment', () => {
  it.each([
    ['ID3-tagged MP3, declared audio/mpeg', MP3_ID3, 'audio/mpeg', 'voicemail.mp3', 'audio/mpeg'],
    ['bare MP3 frame, nothing declared', MP3_FRAME, undefined, 'voicemail.mp3', 'audio/mpeg'],
    ['WAV, declared audio/x-wav', WAV, 'audio/x-wav', 'voicemail.wav', 'audio/wav'],
    ['WAV bytes declared as audio/mpeg: the bytes win', WAV, 'audio/mpeg', 'voicemail.wav', 'audio/wav'],
    [
      'unrecognisable bytes declared audio/mpeg; charset=binary',
      UNKNOWN,
      'audio/mpeg; charset=binary',
      'voicemail.mp3',
      'audio/mpeg',
    ],
    ['unrecognisable bytes declared AUDIO/WAVE', UNKNOWN, 'AUDIO/WAVE', 'voicemail.wav', 'audio/wav'],
  ])('%s → %s as %s', (_case, audio, contentType, filename, type) => {
    expect(audioAttachment(audio, { contentType })).toEqual({ filename, contentType: type, content: audio });
  });

  it.each([
    ['voicemail-2027-03-28-0315', 'voicemail-2027-03-28-0315.mp3'],
    ['Hotline Été / +33 6 12', 'Hotline-Ete-33-6-12.mp3'],
    ['recording.MP3', 'recording.mp3'],
    ['../../etc/passwd', 'etc-passwd.mp3'],
    ['///', 'voicemail.mp3'],
  ])('names %p as %p', (name, filename) => {
    expect(audioAttachment(MP3_ID3, { name }).filename).toBe(filename);
  });

  it('keeps the very bytes it was given', () => {
    const audio = new Uint8Array([0xff, 0xf3, 1, 2, 3]);
    expect(audioAttachment(audio).content).toBe(audio);
  });

  it('refuses no audio and audio it cannot name', () => {
    refused(() => audioAttachment(Buffer.alloc(0)), 'EMPTY_AUDIO', 'audio');
    refused(() => audioAttachment(UNKNOWN), 'UNSUPPORTED_AUDIO', 'contentType');
    refused(() => audioAttachment(UNKNOWN, { contentType: 'audio/ogg' }), 'UNSUPPORTED_AUDIO', 'contentType');
  });

  it('does not mistake text for an MPEG frame', () => {
    expect(sniffAudio(Buffer.from('hello'))).toBeUndefined();
    expect(sniffAudio(Buffer.from([0xff, 0xe0]))).toBeUndefined();
  });
});
