/**
 * `GET /voicemail/:token` over HTTP on the embedded gateway (SQLite, the simulator's recordings): a
 * valid link plays the recording without caching or referrer; expired, unknown and malformed tokens
 * get one and the same 404; an address that keeps missing waits; the token never reaches the logs.
 */
import { randomBytes } from 'node:crypto';
import { HOUR_MS, type RecordingCarrier } from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';
import { SqlVoicemailLinks } from '@dutyline/persistence';
import type { DataSource } from 'typeorm';
import { RECORDING_CARRIER } from '../carrier/carrier.tokens';
import { DATA_SOURCE } from '../database/database.module';
import { CLOCK } from '../platform/platform.tokens';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';
import { AddressMissLimiter } from './address-miss-limiter';
import { VOICEMAIL_LINK_LIMITER } from './notifications.tokens';

jest.setTimeout(30_000);

const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;
const SERVED_HEADERS = [
  'content-type',
  'content-disposition',
  'cache-control',
  'referrer-policy',
  'x-content-type-options',
  'content-security-policy',
];

describe('GET /voicemail/:token', () => {
  let gateway: GatewayHarness;
  let links: SqlVoicemailLinks;
  let accountId: string;
  const clock = new ManualClock('2027-03-28T01:20:00Z');

  beforeAll(async () => {
    gateway = await startGateway({
      database: 'sqlite',
      env: { PUBLIC_URL: 'https://hotline.example.org' },
      override: (builder) =>
        builder
          .overrideProvider(CLOCK)
          .useValue(clock)
          .overrideProvider(VOICEMAIL_LINK_LIMITER)
          .useValue(new AddressMissLimiter({ maxMisses: 4, windowMs: 10 * 60_000 })),
    });
    links = new SqlVoicemailLinks(gateway.app.get<DataSource>(DATA_SOURCE), {
      publicUrl: 'https://hotline.example.org',
    });
    ({ accountId } = await gateway.newAccount());
  });
  afterAll(async () => gateway?.close());

  const issue = (recording: string, hours = 72) =>
    links.issueVoicemailLink({ accountId, callId: 'call-1', recording, expiresAt: clock.now() + hours * HOUR_MS });

  it('plays the recording of a valid link, inline, never cached nor passed on as a referrer', async () => {
    const { url } = await issue('sim-rec-call-1');
    expect(url).toMatch(/^https:\/\/hotline\.example\.org\/voicemail\/[A-Za-z0-9_-]{43}$/);
    const response = await gateway.get(`/voicemail/${tokenOf(url)}`);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(SERVED_HEADERS.map((h) => [h, response.headers.get(h)]))).toEqual({
      'content-type': 'audio/wav',
      'content-disposition': 'inline; filename="voicemail.wav"',
      'cache-control': 'private, no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    const audio = Buffer.from(await response.arrayBuffer());
    expect(audio.toString('latin1', 0, 4)).toBe('RIFF');
    expect(audio.toString('latin1', 8, 12)).toBe('WAVE');
    expect(Number(response.headers.get('content-length'))).toBe(audio.length);
    expect(JSON.stringify(gateway.logs)).not.toContain(tokenOf(url));
    expect(gateway.logs).toContainEqual(
      expect.objectContaining({ msg: 'request', path: '/voicemail/:token', status: 200 }),
    );
  });

  it('answers an expired, an unknown and a malformed token with the same 404', async () => {
    const { url } = await issue('sim-rec-call-2', 1);
    expect((await gateway.get(`/voicemail/${tokenOf(url)}`)).status).toBe(200);
    clock.advance(HOUR_MS);
    const answers = [];
    for (const token of [tokenOf(url), randomBytes(32).toString('base64url'), 'not-a-token']) {
      const response = await gateway.get(`/voicemail/${token}`);
      answers.push({
        status: response.status,
        cache: response.headers.get('cache-control'),
        referrer: response.headers.get('referrer-policy'),
        csp: response.headers.get('content-security-policy'),
        body: await response.json(),
      });
    }
    expect(answers).toEqual(
      Array(3).fill({
        status: 404,
        cache: 'private, no-store',
        referrer: 'no-referrer',
        csp: "default-src 'none'; sandbox",
        body: { error: { code: 'NOT_FOUND', message: 'Voicemail not found' } },
      }),
    );
  });

  it.each(['/VOICEMAIL/', '/Voicemail/', '//voicemail/'])(
    'keeps the token out of the logs when the path is spelt %s<token>',
    async (prefix) => {
      const { url } = await issue('sim-rec-call-4');
      const token = tokenOf(url);
      const response = await gateway.get(`${prefix}${token}`);
      await response.arrayBuffer();
      expect(JSON.stringify(gateway.logs)).not.toContain(token);
      expect(gateway.logs).toContainEqual(
        expect.objectContaining({ msg: 'request', path: '/voicemail/:token', status: response.status }),
      );
    },
  );

  it('says 502 without the audio when the carrier cannot give the recording', async () => {
    const { url } = await issue('https://api.nexmo.com/v1/files/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    const response = await gateway.get(`/voicemail/${tokenOf(url)}`);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: { code: 'RECORDING_UNAVAILABLE', message: 'The recording cannot be fetched right now; try again later.' },
    });
  });

  it('makes an address that keeps missing wait for the next window, valid links included', async () => {
    clock.advance(HOUR_MS); // a fresh window
    const { url } = await issue('sim-rec-call-3');
    for (let miss = 0; miss < 4; miss++)
      expect((await gateway.get(`/voicemail/${randomBytes(32).toString('base64url')}`)).status).toBe(404);
    const refused = await gateway.get(`/voicemail/${tokenOf(url)}`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('600');
    expect(await refused.json()).toEqual({
      error: { code: 'TOO_MANY_REQUESTS', message: 'Too many attempts; try again in 600 s.' },
    });
    clock.advance(10 * 60_000);
    expect((await gateway.get(`/voicemail/${tokenOf(url)}`)).status).toBe(200);
  });
});

describe('GET /voicemail/:token with a recording that is not audio', () => {
  let gateway: GatewayHarness;
  let links: SqlVoicemailLinks;
  let accountId: string;
  const clock = new ManualClock('2027-03-28T01:20:00Z');
  /** A carrier whose recordings are whatever the reference says: `html`, or Ogg audio. */
  const recordings: RecordingCarrier = {
    record: async () => undefined,
    fetchRecording: async (reference) =>
      reference === 'html'
        ? {
            audio: Buffer.from('<html><script>fetch("/graphql")</script></html>'),
            contentType: 'text/html; charset=utf-8',
          }
        : { audio: Buffer.from('OggS fake'), contentType: 'Audio/Ogg' },
  };

  beforeAll(async () => {
    gateway = await startGateway({
      database: 'sqlite',
      env: { PUBLIC_URL: 'https://hotline.example.org' },
      override: (builder) =>
        builder.overrideProvider(CLOCK).useValue(clock).overrideProvider(RECORDING_CARRIER).useValue(recordings),
    });
    links = new SqlVoicemailLinks(gateway.app.get<DataSource>(DATA_SOURCE), {
      publicUrl: 'https://hotline.example.org',
    });
    ({ accountId } = await gateway.newAccount());
  });
  afterAll(async () => gateway?.close());

  const served = async (recording: string) => {
    const { url } = await links.issueVoicemailLink({
      accountId,
      callId: 'call-1',
      recording,
      expiresAt: clock.now() + HOUR_MS,
    });
    const response = await gateway.get(`/voicemail/${tokenOf(url)}`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    return Object.fromEntries(
      ['content-type', 'content-disposition', 'content-security-policy', 'x-content-type-options'].map((h) => [
        h,
        response.headers.get(h),
      ]),
    );
  };

  it('serves anything but audio as an attachment of opaque bytes, in a sandbox', async () => {
    expect(await served('html')).toEqual({
      'content-type': 'application/octet-stream',
      'content-disposition': 'attachment; filename="voicemail.bin"',
      'content-security-policy': "default-src 'none'; sandbox",
      'x-content-type-options': 'nosniff',
    });
  });

  it('plays any audio type inline', async () => {
    expect(await served('ogg')).toMatchObject({
      'content-type': 'audio/ogg',
      'content-disposition': 'inline; filename="voicemail.ogg"',
    });
  });
});
