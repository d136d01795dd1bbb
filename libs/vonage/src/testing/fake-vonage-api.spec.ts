import { createSign, generateKeyPairSync } from 'node:crypto';
import { FakeVonageApi } from './fake-vonage-api';
import { testApplicationKeys } from './vonage-test-keys';

const keys = testApplicationKeys();
let fake: FakeVonageApi;

/** A bearer JWT as Vonage's SDK makes it, signed with `privateKey`. */
function applicationJwt(
  privateKey: string | import('node:crypto').KeyObject,
  claims: object = { application_id: 'app-1', iat: 1806197400, jti: 'j-1' },
): string {
  const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${segment({ alg: 'RS256', typ: 'JWT' })}.${segment(claims)}`;
  return `Bearer ${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
}

const createCall = (
  authorization: string | null,
  body: object = {
    to: [{ type: 'phone', number: '33611111111' }],
    from: { type: 'phone', number: '33140000000' },
    ncco: [],
  },
) =>
  fetch(`${fake.url}/v1/calls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  fake = await FakeVonageApi.start({ publicKey: keys.publicKey });
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

describe('FakeVonageApi', () => {
  it('answers a call request like Vonage and records it', async () => {
    const response = await createCall(applicationJwt(keys.privateKey));

    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      uuid: '00000000-0000-4000-8000-000000000001',
      status: 'started',
      direction: 'outbound',
      conversation_uuid: 'CON-00000000-0000-4000-8000-000000000001',
    });
    expect(fake.requestsTo('create-call')).toEqual([
      expect.objectContaining({ method: 'POST', path: '/v1/calls', json: expect.objectContaining({ ncco: [] }) }),
    ]);
  });

  it.each([
    ['no bearer', null],
    ['a bearer signed by another key', applicationJwt(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)],
    ['a JWT without application_id', applicationJwt(keys.privateKey, { iat: 1806197400, jti: 'j-1' })],
  ])('refuses %s with 401', async (_case, authorization) => {
    expect((await createCall(authorization)).status).toBe(401);
  });

  it('refuses a call without a destination with 400', async () => {
    expect(
      (await createCall(applicationJwt(keys.privateKey), { from: { type: 'phone', number: '1' }, ncco: [] })).status,
    ).toBe(400);
  });

  it('fails as told, as many times as told, then answers normally again', async () => {
    fake.failNext('create-call', { status: 429, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await createCall(applicationJwt(keys.privateKey))).status);

    expect(statuses).toEqual([429, 429, 201]);
  });

  it('answers an SMS with a non-zero status when told, and status 4 without credentials', async () => {
    fake.failNext('send-sms', { smsStatus: '3', errorText: 'Invalid Parameters' });
    const post = (headers: Record<string, string>) =>
      fetch(`${fake.url}/sms/json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ to: '1', from: '2', text: 'x' }),
      }).then((r) => r.json());
    const basic = { authorization: `Basic ${Buffer.from('k:s').toString('base64')}` };

    expect(await post(basic)).toEqual({
      'message-count': '1',
      messages: [{ status: '3', 'error-text': 'Invalid Parameters' }],
    });
    expect(await post({})).toMatchObject({ messages: [{ status: '4' }] });
    expect(await post(basic)).toMatchObject({ messages: [{ status: '0', 'message-id': expect.any(String) }] });
  });

  it('answers 404 for what Vonage would not serve here', async () => {
    expect((await fetch(`${fake.url}/v2/applications`)).status).toBe(404);
    expect(fake.requests[0]).toMatchObject({ route: null, path: '/v2/applications' });
  });
});
