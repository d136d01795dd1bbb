/**
 * `GET /voicemail/:token` over HTTP on the embedded gateway (SQLite, the simulator's recordings): a
 * valid link plays the recording without caching or referrer; expired, unknown and malformed tokens
 * get one and the same 404; an address that keeps missing waits; the token never reaches the logs.
 */
import { randomBytes } from 'node:crypto';
import { HOUR_MS } from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';
import { SqlVoicemailLinks } from '@dutyline/persistence';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../database/database.module';
import { CLOCK } from '../platform/platform.tokens';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';
import { AddressMissLimiter } from './address-miss-limiter';
import { VOICEMAIL_LINK_LIMITER } from './notifications.tokens';

jest.setTimeout(30_000);

const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;

describe('GET /voicemail/:token', () => {
  let gateway: GatewayHarness;
  let links: SqlVoicemailLinks;
  let accountId: string;
  const clock = new ManualClock('2027-03-28T01:20:00Z');

  beforeAll(async () => {
    gateway = await startGateway({
      database: 'sqlite',
      env: { PUBLIC_URL: 'https://hotline.example.org' },
      override: (builder) => builder
        .overrideProvider(CLOCK).useValue(clock)
        .overrideProvider(VOICEMAIL_LINK_LIMITER).useValue(new AddressMissLimiter({ maxMisses: 4, windowMs: 10 * 60_000 })),
    });
    links = new SqlVoicemailLinks(gateway.app.get<DataSource>(DATA_SOURCE), { publicUrl: 'https://hotline.example.org' });
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
    expect(Object.fromEntries(['content-type', 'content-disposition', 'cache-control', 'referrer-policy', 'x-content-type-options'].map((h) => [h, response.headers.get(h)])))
      .toEqual({
        'content-type': 'audio/wav', 'content-disposition': 'inline; filename="voicemail.wav"', 'cache-control': 'private, no-store',
        'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff',
      });
    const audio = Buffer.from(await response.arrayBuffer());
    expect(audio.toString('latin1', 0, 4)).toBe('RIFF');
    expect(audio.toString('latin1', 8, 12)).toBe('WAVE');
    expect(Number(response.headers.get('content-length'))).toBe(audio.length);
    expect(JSON.stringify(gateway.logs)).not.toContain(tokenOf(url));
    expect(gateway.logs).toContainEqual(expect.objectContaining({ msg: 'request', path: '/voicemail/:token', status: 200 }));
  });

  it('answers an expired, an unknown and a malformed token with the same 404', async () => {
    const { url } = await issue('sim-rec-call-2', 1);
    expect((await gateway.get(`/voicemail/${tokenOf(url)}`)).status).toBe(200);
    clock.advance(HOUR_MS);
    const answers = [];
    for (const token of [tokenOf(url), randomBytes(32).toString('base64url'), 'not-a-token']) {
      const response = await gateway.get(`/voicemail/${token}`);
      answers.push({ status: response.status, cache: response.headers.get('cache-control'), referrer: response.headers.get('referrer-policy'), body: await response.json() });
    }
    expect(answers).toEqual(Array(3).fill({
      status: 404, cache: 'private, no-store', referrer: 'no-referrer', body: { error: { code: 'NOT_FOUND', message: 'Voicemail not found' } },
    }));
  });

  it('says 502 without the audio when the carrier cannot give the recording', async () => {
    const { url } = await issue('https://api.nexmo.com/v1/files/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    const response = await gateway.get(`/voicemail/${tokenOf(url)}`);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: { code: 'RECORDING_UNAVAILABLE', message: 'The recording cannot be fetched right now; try again later.' } });
  });

  it('makes an address that keeps missing wait for the next window, valid links included', async () => {
    clock.advance(HOUR_MS); // a fresh window
    const { url } = await issue('sim-rec-call-3');
    for (let miss = 0; miss < 4; miss++) expect((await gateway.get(`/voicemail/${randomBytes(32).toString('base64url')}`)).status).toBe(404);
    const refused = await gateway.get(`/voicemail/${tokenOf(url)}`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('600');
    expect(await refused.json()).toEqual({ error: { code: 'TOO_MANY_REQUESTS', message: 'Too many attempts; try again in 600 s.' } });
    clock.advance(10 * 60_000);
    expect((await gateway.get(`/voicemail/${tokenOf(url)}`)).status).toBe(200);
  });
});
