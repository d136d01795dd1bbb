/**
 * Security headers on every kind of gateway response (GraphQL, /health, a 404, a call webhook served
 * ahead of Express, the voicemail link with its own stricter policy), HSTS only behind an https
 * PUBLIC_URL.
 */
import { type GatewayHarness, startGateway } from './testing/gateway-harness';

const BASIC = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

/** What a gateway answers to each kind of request. */
async function answersOf(gateway: GatewayHarness): Promise<Record<string, Response>> {
  return {
    graphql: await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    }),
    health: await gateway.get('/health'),
    'a 404': await gateway.get('/no/such/route', { accept: 'application/json' }),
    // The built console when there is one (index.html), else a 404: either way through Express.
    'the console': await gateway.get('/', { accept: 'text/html' }),
    'a call webhook': await gateway.get(
      '/vonage/answer?from=33612345678&to=33184800000&uuid=u-1&conversation_uuid=CON-1',
    ),
    'the voicemail link': await gateway.get('/voicemail/not-a-real-token-0123456789abcdef'),
  };
}

const headersOf = (response: Response) => Object.fromEntries(response.headers.entries());

describe('security headers', () => {
  describe('behind plain http (no PUBLIC_URL)', () => {
    let gateway: GatewayHarness;
    let answers: Record<string, Response>;
    beforeAll(async () => {
      gateway = await startGateway({ database: 'sqlite' });
      answers = await answersOf(gateway);
    });
    afterAll(async () => gateway?.close());

    it('a 404 is one', () => {
      expect(answers['a 404'].status).toBe(404);
    });

    it.each(['graphql', 'health', 'a 404', 'the console', 'a call webhook', 'the voicemail link'])(
      '%s carries nosniff and no-referrer, and no HSTS',
      (kind) => {
        expect(headersOf(answers[kind])).toEqual(expect.objectContaining(BASIC));
        expect(answers[kind].headers.get('strict-transport-security')).toBeNull();
      },
    );

    it.each(['graphql', 'health', 'a 404', 'the console'])(
      "%s carries the console's policy and cannot be framed",
      (kind) => {
        const policy = answers[kind].headers.get('content-security-policy');
        expect(
          policy
            ?.split(';')
            .map((directive) => directive.trim())
            .sort(),
        ).toEqual([
          "base-uri 'none'",
          "connect-src 'self'",
          "default-src 'self'",
          "font-src 'self' data:",
          "form-action 'self'",
          "frame-ancestors 'none'",
          "img-src 'self' data:",
          "object-src 'none'",
          "script-src 'self'",
          "script-src-attr 'none'",
          "style-src 'self' 'unsafe-inline'",
        ]);
        expect(answers[kind].headers.get('x-frame-options')).toBe('DENY');
      },
    );

    it('a call webhook, served ahead of Express, has a policy that runs and frames nothing', () => {
      expect(answers['a call webhook'].headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
    });

    it('the voicemail link keeps its own stricter policy: the one set last is sent', () => {
      expect(answers['the voicemail link'].status).toBe(404);
      expect(answers['the voicemail link'].headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    });
  });

  describe('behind an https PUBLIC_URL', () => {
    let gateway: GatewayHarness;
    let answers: Record<string, Response>;
    beforeAll(async () => {
      gateway = await startGateway({ database: 'sqlite', env: { PUBLIC_URL: 'https://calls.example.com' } });
      answers = await answersOf(gateway);
    });
    afterAll(async () => gateway?.close());

    it.each(['graphql', 'health', 'a 404', 'the console'])(
      '%s carries HSTS for a year, and the policy lets the console open its WebSocket and upgrades requests',
      (kind) => {
        expect(answers[kind].headers.get('strict-transport-security')).toBe('max-age=31536000');
        const policy = answers[kind].headers.get('content-security-policy') ?? '';
        expect(policy).toContain("connect-src 'self' wss://calls.example.com");
        expect(policy).toContain('upgrade-insecure-requests');
      },
    );
  });
});
