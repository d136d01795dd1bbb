import { createHmac, createSign } from 'node:crypto';
import { verifySignature } from '@vonage/jwt';
import { ManualClock } from '@dutyline/domain/testing';
import { ValidationError, parseInstant } from '@dutyline/domain';
import { signVonageWebhook, testApplicationKeys } from './testing';
import { SignedWebhookRequest, VonageSignatureVerifier, queryAsJson, sha256Hex } from './vonage-signature.verifier';

const SECRET = 'sig-secret-of-the-account-0123456789';
const NOW = '2027-03-28T01:30:00Z';
const now = parseInstant(NOW);
const body = '{"from":"33140000000","to":"33611111111","uuid":"leg-1","status":"busy"}';
const query = 'to=33140000000&from=33612345678&uuid=leg-1&conversation_uuid=CON-1';

function verifier(options: Partial<ConstructorParameters<typeof VonageSignatureVerifier>[0]> = {}) {
  return new VonageSignatureVerifier({ signatureSecret: SECRET, clock: new ManualClock(NOW), ...options });
}

const post = (authorization: string | undefined, rawBody: string | Buffer = body): SignedWebhookRequest => ({
  method: 'POST',
  authorization,
  rawBody,
});
const get = (authorization: string | undefined, rawQuery = query): SignedWebhookRequest => ({
  method: 'GET',
  authorization,
  rawQuery,
});
const rejection = (request: SignedWebhookRequest, v = verifier()) => {
  const verdict = v.verify(request);
  return verdict.ok ? 'accepted' : verdict.error.code;
};

describe('VonageSignatureVerifier', () => {
  it('accepts a POST signed with the secret over its exact body, and returns the claims', () => {
    const authorization = signVonageWebhook({
      secret: SECRET,
      issuedAt: now,
      rawBody: body,
      apiKey: 'abcd1234',
      applicationId: 'app-1',
      jti: 'jti-1',
    });

    expect(verifier().verify(post(authorization))).toEqual({
      ok: true,
      value: {
        iat: now / 1000,
        jti: 'jti-1',
        tokenId: 'jti-1',
        iss: 'Vonage',
        apiKey: 'abcd1234',
        applicationId: 'app-1',
        payloadHash: sha256Hex(body),
      },
    });
  });

  it('identifies a token without jti by its signature, and says how long a token stays acceptable (max age + future skew)', () => {
    const authorization = signVonageWebhook({ secret: SECRET, issuedAt: now, rawBody: body, jti: '' });
    const verdict = verifier().verify(post(authorization));

    expect(verdict.ok && verdict.value.tokenId).toBe(`signature:${authorization.split('.')[2]}`);
    expect(verifier({ maxAgeSeconds: 300, futureSkewSeconds: 60 }).acceptedForMs).toBe(360_000);
  });

  it('accepts a GET whose payload_hash covers its query parameters as compact JSON, in their order', () => {
    const authorization = signVonageWebhook({ secret: SECRET, issuedAt: now, rawQuery: `?${query}` });

    expect(rejection(get(authorization))).toBe('accepted');
    expect(queryAsJson(query)).toBe(
      '{"to":"33140000000","from":"33612345678","uuid":"leg-1","conversation_uuid":"CON-1"}',
    );
  });

  it('refuses the same GET parameters in another order: the hash covers the order', () => {
    const authorization = signVonageWebhook({ secret: SECRET, issuedAt: now, rawQuery: query });

    expect(rejection(get(authorization, 'from=33612345678&to=33140000000&uuid=leg-1&conversation_uuid=CON-1'))).toBe(
      'PAYLOAD_MISMATCH',
    );
  });

  it('keeps the order of integer-like keys (a plain object would move them first)', () => {
    expect(queryAsJson('b=1&2=two&a=3')).toBe('{"b":"1","2":"two","a":"3"}');
  });

  it.each([
    ['no header', undefined, 'SIGNATURE_MISSING'],
    ['an empty header', '  ', 'SIGNATURE_MISSING'],
    ['Basic credentials', 'Basic YWJjOmRlZg==', 'SIGNATURE_MALFORMED'],
    ['a bearer that is not a JWT', 'Bearer abc', 'SIGNATURE_MALFORMED'],
    ['a JWT whose parts are not JSON', 'Bearer aGVsbG8.d29ybGQ.c2ln', 'SIGNATURE_MALFORMED'],
  ])('refuses %s', (_case, authorization, code) => {
    expect(rejection(post(authorization))).toBe(code);
  });

  it('agrees with @vonage/jwt on what is signed with the secret (its own check stays out of the hot path)', () => {
    const signed = signVonageWebhook({ secret: SECRET, issuedAt: now, rawBody: body });
    const forged = signVonageWebhook({ secret: 'not-the-account-secret', issuedAt: now, rawBody: body });
    const verdicts = [signed, forged].map((authorization) => [
      verifySignature(authorization.slice('Bearer '.length), SECRET),
      rejection(post(authorization)),
    ]);

    expect(verdicts).toEqual([
      [true, 'accepted'],
      [false, 'SIGNATURE_INVALID'],
    ]);
  });

  it('refuses a token forged with another secret', () => {
    const forged = signVonageWebhook({ secret: 'not-the-account-secret', issuedAt: now, rawBody: body });

    expect(rejection(post(forged))).toBe('SIGNATURE_INVALID');
  });

  it('refuses an unsigned token (alg none)', () => {
    expect(rejection(post(signVonageWebhook({ secret: SECRET, issuedAt: now, rawBody: body, alg: 'none' })))).toBe(
      'SIGNATURE_INVALID',
    );
  });

  it('refuses a token signed with another algorithm (RS256)', () => {
    const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${segment({ alg: 'RS256', typ: 'JWT' })}.${segment({ iat: now / 1000, iss: 'Vonage', payload_hash: sha256Hex(body) })}`;
    const signature = createSign('RSA-SHA256')
      .update(unsigned)
      .sign(testApplicationKeys().privateKey)
      .toString('base64url');

    expect(rejection(post(`Bearer ${unsigned}.${signature}`))).toBe('SIGNATURE_INVALID');
  });

  it('refuses claims altered after signing', () => {
    const [header, , signature] = signVonageWebhook({ secret: SECRET, issuedAt: now, rawBody: body })
      .slice('Bearer '.length)
      .split('.');
    const altered = Buffer.from(
      JSON.stringify({ iat: now / 1000, iss: 'Vonage', payload_hash: sha256Hex('{"status":"answered"}') }),
    ).toString('base64url');

    expect(rejection(post(`Bearer ${header}.${altered}.${signature}`, '{"status":"answered"}'))).toBe(
      'SIGNATURE_INVALID',
    );
  });

  it('refuses a tampered body', () => {
    const authorization = signVonageWebhook({ secret: SECRET, issuedAt: now, rawBody: body });

    expect(rejection(post(authorization, body.replace('busy', 'answered')))).toBe('PAYLOAD_MISMATCH');
  });

  it('refuses a token without payload_hash', () => {
    const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${segment({ alg: 'HS256', typ: 'JWT' })}.${segment({ iat: now / 1000, iss: 'Vonage' })}`;
    const token = `${unsigned}.${createHmac('sha256', SECRET).update(unsigned).digest('base64url')}`;

    expect(rejection(post(`Bearer ${token}`))).toBe('PAYLOAD_MISMATCH');
  });

  it('refuses another issuer, and another API key when one is expected', () => {
    expect(
      rejection(post(signVonageWebhook({ secret: SECRET, issuedAt: now, rawBody: body, issuer: 'Mallory' }))),
    ).toBe('SIGNATURE_WRONG_ISSUER');
    expect(
      rejection(
        post(signVonageWebhook({ secret: SECRET, issuedAt: now, rawBody: body, apiKey: 'other' })),
        verifier({ apiKey: 'abcd1234' }),
      ),
    ).toBe('SIGNATURE_WRONG_API_KEY');
  });

  it.each([
    ['issued 300 s ago', -300, 'accepted'],
    ['issued 301 s ago', -301, 'SIGNATURE_STALE'],
    ['issued 60 s ahead', 60, 'accepted'],
    ['issued 61 s ahead', 61, 'SIGNATURE_STALE'],
  ])('with the default window, a token %s is %s', (_case, offsetSeconds, verdict) => {
    const authorization = signVonageWebhook({ secret: SECRET, issuedAt: now + offsetSeconds * 1000, rawBody: body });

    expect(rejection(post(authorization))).toBe(verdict);
  });

  it('takes a narrower window when configured', () => {
    const authorization = signVonageWebhook({ secret: SECRET, issuedAt: now - 31_000, rawBody: body });

    expect(rejection(post(authorization), verifier({ maxAgeSeconds: 30 }))).toBe('SIGNATURE_STALE');
  });

  it('follows the injected clock: a token valid now is stale ten minutes later', () => {
    const clock = new ManualClock(NOW);
    const v = verifier({ clock });
    const authorization = signVonageWebhook({ secret: SECRET, issuedAt: now, rawBody: body });

    expect(rejection(post(authorization), v)).toBe('accepted');
    clock.advance(10 * 60_000);
    expect(rejection(post(authorization), v)).toBe('SIGNATURE_STALE');
  });

  it.each([
    ['a Buffer body', Buffer.from(body)],
    ['a re-indented body whose compact form was hashed', JSON.stringify(JSON.parse(body), null, 2)],
  ])('accepts %s', (_case, rawBody) => {
    const authorization = signVonageWebhook({ secret: SECRET, issuedAt: now, rawBody: body });

    expect(rejection(post(authorization, rawBody))).toBe('accepted');
  });

  it('accepts an empty body hashed as {}', () => {
    const authorization = signVonageWebhook({ secret: SECRET, issuedAt: now, rawBody: '{}' });

    expect(rejection(post(authorization, ''))).toBe('accepted');
  });

  it('needs a real signature secret', () => {
    expect(() => new VonageSignatureVerifier({ signatureSecret: '', clock: new ManualClock(NOW) })).toThrow(
      ValidationError,
    );
  });
});
