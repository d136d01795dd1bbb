import { execFile } from 'node:child_process';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { PermanentDeliveryError, PhoneNumber, ValidationError } from '@dutyline/domain';
import { FakeVonageApi, nativeVonageSdk, testApplicationKeys } from './testing';
import { talk } from './vonage-ncco.actions';
import { connectToNumberNcco } from './vonage-ncco.builder';
import { Ncco } from './vonage-ncco.types';
import { VonageRateKind, VonageRateLimiter, rateLimiterFrom } from './vonage-rate-limiter';
import { VonageApiError, VonageSmsRejectedError } from './vonage-api-errors';
import type { VonageVoiceSettings } from './vonage-voice.api';
import { VonageVoiceClient, createVonageVoiceClient, isGsm7 } from './vonage-voice.client';

const hotline = PhoneNumber.fromE164('+33140000000');
const caller = PhoneNumber.fromE164('+33612345678');
const alice = PhoneNumber.fromE164('+33611111111');
const keys = testApplicationKeys();

let fake: FakeVonageApi;
let limiterLog: VonageRateKind[];
let client: VonageVoiceClient;

function settings(overrides: Partial<VonageVoiceSettings> = {}): VonageVoiceSettings {
  return {
    applicationId: 'aaaaaaaa-1111-4000-8000-000000000001',
    privateKey: keys.privateKey,
    apiKey: 'abcd1234',
    apiSecret: 'secret-5678',
    apiHost: fake.url,
    restHost: fake.url,
    timeoutMs: 2000,
    ...overrides,
  };
}

const build = (overrides: Partial<VonageVoiceSettings> = {}, limiter?: VonageRateLimiter) =>
  createVonageVoiceClient(settings(overrides), { sdk: nativeVonageSdk(), limiter });

/** What the promise was rejected with, for assertions on the error's fields. */
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  fake = await FakeVonageApi.start({ publicKey: keys.publicKey, apiKey: 'abcd1234', apiSecret: 'secret-5678' });
});

beforeEach(async () => {
  fake.reset();
  limiterLog = [];
  client = await build(
    {},
    rateLimiterFrom(async (kind) => {
      limiterLog.push(kind);
    }),
  );
});

afterAll(() => fake.close());

describe('createCall through the official SDK (@vonage/server-sdk 3.27.0)', () => {
  const ncco: Ncco = connectToNumberNcco({
    to: alice,
    from: hotline,
    ringTimeoutSeconds: 25,
    eventUrl: 'https://gw.example.com/vonage/event',
    confirmationUrl: 'https://gw.example.com/vonage/confirm',
  });

  it('places the call: POST /v1/calls with a signed application JWT, snake_case fields, the NCCO untouched', async () => {
    const call = await client.createCall({
      to: caller,
      from: hotline,
      ncco,
      eventUrl: 'https://gw.example.com/vonage/event?callback=cb1',
      ringingTimer: 30,
      machineDetection: { behavior: 'hangup', mode: 'detect_beep', beepTimeoutSeconds: 60 },
    });

    expect(call).toEqual({
      uuid: '00000000-0000-4000-8000-000000000001',
      conversationUuid: 'CON-00000000-0000-4000-8000-000000000001',
      status: 'started',
      direction: 'outbound',
    });
    const [request] = fake.requestsTo('create-call');
    expect(request.json).toEqual({
      to: [{ type: 'phone', number: '33612345678' }],
      from: { type: 'phone', number: '33140000000' },
      ncco,
      event_url: ['https://gw.example.com/vonage/event?callback=cb1'],
      event_method: 'POST',
      ringing_timer: 30,
      advanced_machine_detection: { behavior: 'hangup', mode: 'detect_beep', beep_timeout: 60 },
    });
    const claims = JSON.parse(Buffer.from(String(request.headers.authorization).split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({
      application_id: 'aaaaaaaa-1111-4000-8000-000000000001',
      iat: expect.any(Number),
      jti: expect.any(String),
    });
  });

  it('asks for standard machine detection with a plain behaviour', async () => {
    await client.createCall({
      to: caller,
      from: hotline,
      ncco: [talk('Hello')],
      eventUrl: 'https://gw/e',
      machineDetection: 'continue',
    });

    expect(fake.requestsTo('create-call')[0].json).toMatchObject({ machine_detection: 'continue' });
    expect(fake.requestsTo('create-call')[0].json).not.toHaveProperty('advanced_machine_detection');
  });

  it('asks the limiter for a call slot and a request slot first', async () => {
    await client.createCall({ to: caller, from: hotline, ncco: [talk('Hello')], eventUrl: 'https://gw/e' });

    expect(limiterLog).toEqual(['call', 'request']);
  });

  it('sends nothing when the limiter fails, and says so', async () => {
    const broken = await build(
      {},
      rateLimiterFrom(() => Promise.reject(new Error('redis down'))),
    );

    await expect(
      broken.createCall({ to: caller, from: hotline, ncco: [talk('Hello')], eventUrl: 'https://gw/e' }),
    ).rejects.toThrow('redis down');
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    [429, true, /HTTP 429 Too Many Requests/],
    [500, true, /HTTP 500/],
    [503, true, /HTTP 503/],
    [400, false, /HTTP 400 Bad Request: no such number/],
    [401, false, /HTTP 401/],
  ])('turns HTTP %i into a VonageApiError (retryable: %s)', async (status, retryable, message) => {
    fake.failNext('create-call', {
      status,
      body: {
        title: status === 400 ? 'Bad Request' : status === 429 ? 'Too Many Requests' : 'Error',
        detail: status === 400 ? 'no such number' : 'x',
      },
    });

    const error = await failureOf(
      client.createCall({ to: caller, from: hotline, ncco: [talk('Hello')], eventUrl: 'https://gw/e' }),
    );

    expect(error).toBeInstanceOf(VonageApiError);
    expect(error).toMatchObject({
      operation: 'create-call',
      status,
      retryable,
      message: expect.stringMatching(message),
    });
  });

  it('gives up after the configured time-out, as a retryable error', async () => {
    const impatient = await build({ timeoutMs: 100 });
    fake.failNext('create-call', { delayMs: 500 });

    const error = await failureOf(
      impatient.createCall({ to: caller, from: hotline, ncco: [talk('Hello')], eventUrl: 'https://gw/e' }),
    );

    expect(error).toMatchObject({
      name: 'VonageApiError',
      status: null,
      retryable: true,
      message: expect.stringMatching(/timed out/),
    });
  });

  it('reports an unreachable API as retryable', async () => {
    const closed = await FakeVonageApi.start();
    await closed.close();
    const unreachable = await build({ apiHost: closed.url });

    const error = await failureOf(
      unreachable.createCall({ to: caller, from: hotline, ncco: [talk('Hello')], eventUrl: 'https://gw/e' }),
    );

    expect(error).toMatchObject({ name: 'VonageApiError', status: null, retryable: true });
  });

  it.each([
    ['ncco', { ncco: [] }, 'REQUIRED'],
    ['eventUrl', { eventUrl: 'gw/e' }, 'INVALID_URL'],
    ['ringingTimer', { ringingTimer: 121 }, 'OUT_OF_RANGE'],
    ['machineDetection', { machineDetection: 'maybe' as never }, 'INVALID_VALUE'],
    ['machineDetection.beepTimeout', { machineDetection: { beepTimeoutSeconds: 10 } }, 'OUT_OF_RANGE'],
  ])('refuses an invalid %s before calling Vonage', async (field, override, code) => {
    const request = { to: caller, from: hotline, ncco: [talk('Hello')] as Ncco, eventUrl: 'https://gw/e', ...override };

    await expect(client.createCall(request)).rejects.toMatchObject({ name: 'ValidationError', code, field });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('steering a live call', () => {
  it('hangs up: PUT /v1/calls/{uuid} {"action":"hangup"}', async () => {
    await client.hangup('bbbbbbbb-0000-4000-8000-000000000001');

    expect(fake.requestsTo('update-call').map((r) => [r.path, r.json])).toEqual([
      ['/v1/calls/bbbbbbbb-0000-4000-8000-000000000001', { action: 'hangup' }],
    ]);
    expect(limiterLog).toEqual(['request']);
  });

  it('signs the application JWT once for many downloads, not once a download', async () => {
    const url = fake.addRecording('cccccccc-0000-4000-8000-000000000002', Buffer.from('ID3 fake mp3 bytes'));
    await Promise.all([client.fetchRecording(url), client.fetchRecording(url), client.fetchRecording(url)]);
    const tokens = fake.requestsTo('recording').map((request) => request.headers.authorization);
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(1);
  });

  it('transfers to a new NCCO', async () => {
    const ncco = [
      talk('Please hold.'),
      ...connectToNumberNcco({ to: alice, from: hotline, ringTimeoutSeconds: 20, eventUrl: 'https://gw/e' }),
    ];

    await client.transfer('bbbbbbbb-0000-4000-8000-000000000001', ncco);

    expect(fake.requestsTo('update-call')[0].json).toEqual({ action: 'transfer', destination: { type: 'ncco', ncco } });
  });

  it('refuses a uuid that could leave the URL path', async () => {
    await expect(client.hangup('../../v2/applications')).rejects.toMatchObject({ code: 'INVALID_CALL_UUID' });
    expect(fake.requests).toHaveLength(0);
  });

  it('reports a call Vonage no longer knows as not retryable', async () => {
    fake.failNext('update-call', { status: 404, body: { title: 'Not Found', detail: 'call not found' } });

    await expect(client.hangup('bbbbbbbb-0000-4000-8000-000000000001')).rejects.toMatchObject({
      status: 404,
      retryable: false,
    });
  });
});

describe('sendSms through the SMS API', () => {
  it('posts to /sms/json with the account credentials and returns the message id', async () => {
    const sent = await client.sendSms(alice, hotline, 'Gap in coverage tonight 22:00-06:00');

    expect(sent).toEqual({ messageId: 'FAKE000000000001' });
    const [request] = fake.requestsTo('send-sms');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('abcd1234:secret-5678').toString('base64')}`);
    expect(request.json).toEqual({
      to: '33611111111',
      from: '33140000000',
      text: 'Gap in coverage tonight 22:00-06:00',
      type: 'text',
    });
    expect(limiterLog).toEqual(['request']);
  });

  it.each([
    ['Réunion à 8h, café offert', 'text'],
    ['Ça commence à 8h', 'text'],
    ['ça commence à 8h', 'unicode'],
    ['Rappel: astreinte 🚑', 'unicode'],
  ])('sends %p as %s', async (text, type) => {
    await client.sendSms(alice, hotline, text);

    expect(fake.requestsTo('send-sms')[0].json).toMatchObject({ type });
    expect(isGsm7(text)).toBe(type === 'text');
  });

  it.each([
    ['3', 'Invalid Parameters'],
    ['6', 'Invalid Message'],
    ['7', 'Number Barred'],
    ['15', 'Invalid Sender Address'],
  ])('treats status %s (%s) as permanent', async (smsStatus, errorText) => {
    fake.failNext('send-sms', { smsStatus, errorText });

    const error = await failureOf(client.sendSms(alice, hotline, 'hello'));

    expect(error).toBeInstanceOf(VonageSmsRejectedError);
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(error).toMatchObject({ smsStatus, message: expect.stringContaining(errorText) });
  });

  it.each([
    ['1', 'Throttled'],
    ['5', 'Internal Error'],
    ['9', 'Partner Quota Violation'],
    ['10', 'Too Many Existing Binds'],
    ['99', 'Undocumented'],
  ])('treats status %s (%s) as retryable', async (smsStatus, errorText) => {
    fake.failNext('send-sms', { smsStatus, errorText });

    const error = await failureOf(client.sendSms(alice, hotline, 'hello'));

    expect(error).not.toBeInstanceOf(PermanentDeliveryError);
    expect(error).toMatchObject({ name: 'VonageApiError', operation: 'send-sms', retryable: true });
  });

  it('treats wrong credentials (status 4) as permanent', async () => {
    const wrong = await build({ apiSecret: 'wrong' });

    await expect(wrong.sendSms(alice, hotline, 'hello')).rejects.toMatchObject({
      name: 'VonageSmsRejectedError',
      smsStatus: '4',
    });
  });

  it.each([
    [500, false],
    [429, false],
    [403, true],
  ])('on HTTP %i, is permanent: %s', async (status, permanent) => {
    fake.failNext('send-sms', { status });

    const error = await failureOf(client.sendSms(alice, hotline, 'hello'));

    expect(error instanceof PermanentDeliveryError).toBe(permanent);
  });

  it('refuses to send without API credentials, for good', async () => {
    const voiceOnly = await build({ apiKey: undefined, apiSecret: undefined });

    await expect(voiceOnly.sendSms(alice, hotline, 'hello')).rejects.toBeInstanceOf(PermanentDeliveryError);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses an empty text', async () => {
    await expect(client.sendSms(alice, hotline, '  ')).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('fetchRecording', () => {
  it('downloads a recording with the application JWT', async () => {
    const audio = Buffer.from('ID3 fake mp3 bytes');
    const url = fake.addRecording('cccccccc-0000-4000-8000-000000000001', audio);

    await expect(client.fetchRecording(url)).resolves.toEqual({ audio, contentType: 'audio/mpeg' });
    expect(fake.requestsTo('recording')[0].headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(limiterLog).toEqual(['request']);
  });

  it.each([
    [404, false],
    [503, true],
  ])('turns HTTP %i into a VonageApiError (retryable: %s)', async (status, retryable) => {
    const url = fake.addRecording('gone', Buffer.from('x'));
    if (status !== 404) fake.failNext('recording', { status });

    await expect(
      client.fetchRecording(status === 404 ? `${fake.url}/v1/files/never-recorded` : url),
    ).rejects.toMatchObject({
      name: 'VonageApiError',
      operation: 'fetch-recording',
      status,
      retryable,
    });
  });

  it.each([
    ['another host', 'https://evil.example.com/v1/files/c1'],
    ['a look-alike host', 'https://api.nexmo.com.evil.example/v1/files/c1'],
    ['plain http to Vonage', 'http://api.nexmo.com/v1/files/c1'],
    ['a subdomain of an API host', 'https://files.api.nexmo.com/v1/files/c1'],
    ['another vonage.com host', 'https://evil.vonage.com/v1/files/c1'],
    ['an API host on another port', 'https://api.nexmo.com:8443/v1/files/c1'],
    ['another path of an API host', 'https://api.nexmo.com/v1/calls'],
  ])('never sends the application JWT to %s', async (_case, url) => {
    await expect(client.fetchRecording(url)).rejects.toMatchObject({
      code: 'UNTRUSTED_RECORDING_URL',
      field: 'recordingUrl',
    });
    expect(limiterLog).toEqual([]);
  });

  it("trusts exactly Vonage's API hosts over https by default, and the configured API host", () => {
    const trusted = (url: string) =>
      (client as unknown as { trustedRecordingUrl(url: string): string }).trustedRecordingUrl(url);
    for (const host of [
      'api.nexmo.com',
      'api-us.nexmo.com',
      'api-eu.nexmo.com',
      'api-ap.nexmo.com',
      'api-eu-3.vonage.com',
      'api-ap-4.vonage.com',
    ]) {
      expect(trusted(`https://${host}/v1/files/c1`)).toBe(`https://${host}/v1/files/c1`);
    }
    expect(trusted(`${fake.url}/v1/files/c1`)).toBe(`${fake.url}/v1/files/c1`);
  });
});

/** A real HTTP server standing for the configured API host, answering recording downloads as a test wants. */
async function localServer(handler: (request: IncomingMessage, response: ServerResponse) => void) {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('fetchRecording refuses what is not a recording', () => {
  const servers: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });
  const started = async (handler: (request: IncomingMessage, response: ServerResponse) => void) => {
    const server = await localServer(handler);
    servers.push(server);
    return server;
  };
  const refusal = (reason: RegExp) => ({
    name: 'VonageApiError',
    operation: 'fetch-recording',
    retryable: false,
    message: expect.stringMatching(reason),
  });

  it('a redirect from the trusted host to another address: not followed, nothing fetched there', async () => {
    const elsewhere = await started((_request, response) => {
      response.writeHead(200, { 'content-type': 'audio/mpeg' });
      response.end("someone else's bytes");
    });
    const apiHost = await started((_request, response) => {
      response.writeHead(302, { location: `${elsewhere.url}/secret` });
      response.end();
    });
    const local = await build({ apiHost: apiHost.url });

    await expect(local.fetchRecording(`${apiHost.url}/v1/files/c1`)).rejects.toMatchObject(
      refusal(/redirects \(HTTP 302 to http:\/\/127\.0\.0\.1:\d+\/secret\): redirects are not followed/),
    );
    expect(elsewhere.requests).toEqual([]);
  });

  it('a redirect to another path of the same trusted host', async () => {
    const apiHost = await started((request, response) => {
      if (request.url === '/v1/files/c1') {
        response.writeHead(301, { location: '/v1/files/c2' });
        response.end();
      } else {
        response.writeHead(200, { 'content-type': 'audio/mpeg' });
        response.end('ID3');
      }
    });
    const local = await build({ apiHost: apiHost.url });

    await expect(local.fetchRecording(`${apiHost.url}/v1/files/c1`)).rejects.toMatchObject(refusal(/HTTP 301/));
    expect(apiHost.requests).toEqual(['/v1/files/c1']);
  });

  it.each([
    ['text/html', { 'content-type': 'text/html; charset=utf-8' }, /of type text\/html, not audio\/\*/],
    [
      'application/octet-stream',
      { 'content-type': 'application/octet-stream' },
      /of type application\/octet-stream, not audio\/\*/,
    ],
    ['no content type', {}, /of no content type, not audio\/\*/],
  ])('a body served as %s', async (_case, headers, reason) => {
    const apiHost = await started((_request, response) => {
      response.writeHead(200, headers);
      response.end('<html><body>Log in to continue</body></html>');
    });
    const local = await build({ apiHost: apiHost.url });

    await expect(local.fetchRecording(`${apiHost.url}/v1/files/c1`)).rejects.toMatchObject(refusal(reason));
  });

  it.each([
    ['declared longer than the cap', true],
    ['streamed longer than the cap without a length', false],
  ])('a body %s', async (_case, declared) => {
    const apiHost = await started((_request, response) => {
      response.writeHead(200, {
        'content-type': 'audio/mpeg',
        ...(declared ? { 'content-length': String(4096) } : {}),
      });
      // Without a length the body goes chunked, in two writes.
      response.write(Buffer.alloc(2048, 1));
      response.end(Buffer.alloc(2048, 1));
    });
    const local = await build({ apiHost: apiHost.url, recordingMaxBytes: 1024 });

    await expect(local.fetchRecording(`${apiHost.url}/v1/files/c1`)).rejects.toMatchObject(
      refusal(/longer than 1024 bytes/),
    );
  });

  it('takes an audio body up to the cap, whatever its audio type', async () => {
    const apiHost = await started((_request, response) => {
      response.writeHead(200, { 'content-type': 'audio/wav' });
      response.end(Buffer.alloc(1024, 2));
    });
    const local = await build({ apiHost: apiHost.url, recordingMaxBytes: 1024 });

    await expect(local.fetchRecording(`${apiHost.url}/v1/files/c1`)).resolves.toEqual({
      audio: Buffer.alloc(1024, 2),
      contentType: 'audio/wav',
    });
  });
});

describe('settings', () => {
  it.each([
    ['vonage.applicationId', { applicationId: '' }],
    ['vonage.privateKey', { privateKey: 'not a key' }],
    ['vonage.apiSecret', { apiSecret: undefined }],
    ['vonage.apiKey', { apiKey: undefined }],
    ['vonage.apiHost', { apiHost: 'api.nexmo.com' }],
    ['vonage.timeoutMs', { timeoutMs: 0 }],
    ['vonage.recordingHosts[0]', { recordingHosts: ['*'] }],
    ['vonage.recordingMaxBytes', { recordingMaxBytes: 0 }],
  ])('refuses an invalid %s', async (field, override) => {
    await expect(build(override)).rejects.toMatchObject({ name: 'ValidationError', field });
  });
});

describe('on plain Node 20, as in production', () => {
  it('loads the SDK the normal way and places a call against the fake API', async () => {
    const root = resolve(__dirname, '../../..');
    const script = `
      const { FakeVonageApi, testApplicationKeys } = require('@dutyline/vonage/testing');
      const { createVonageVoiceClient, talk } = require('@dutyline/vonage');
      const { PhoneNumber } = require('@dutyline/domain');
      (async () => {
        const keys = testApplicationKeys();
        const fake = await FakeVonageApi.start({ publicKey: keys.publicKey });
        const client = await createVonageVoiceClient({ applicationId: 'app-1', privateKey: keys.privateKey, apiHost: fake.url });
        const call = await client.createCall({
          to: PhoneNumber.fromE164('+33612345678'), from: PhoneNumber.fromE164('+33140000000'), ncco: [talk('Hello')], eventUrl: 'https://gw/e',
        });
        const sdkVersion = JSON.parse(require('node:fs').readFileSync(require.resolve('@vonage/server-sdk').replace(/dist.*$/, 'package.json'), 'utf8')).version;
        console.log(JSON.stringify({ node: process.version, sdkVersion, uuid: call.uuid, requests: fake.requests.map((r) => r.method + ' ' + r.path) }));
        await fake.close();
      })().catch((error) => { console.error(error); process.exit(1); });
    `;

    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--no-warnings', '-r', './tools/ts-run.cjs', '-e', script],
      { cwd: root, timeout: 20_000 },
    );

    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({
      node: expect.stringMatching(/^v20\./),
      sdkVersion: '3.27.0',
      uuid: '00000000-0000-4000-8000-000000000001',
      requests: ['POST /v1/calls'],
    });
  }, 30_000);
});
