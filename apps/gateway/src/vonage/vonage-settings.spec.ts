import { ConfigError } from '@dutyline/env';
import { type Environment, readGatewayConfig } from '../config/gateway-config';
import { legRouteOf } from './vonage-call-adapter';
import { readVonageSettings } from './vonage-settings';
import { vonageWebhookUrls } from './vonage-webhook-urls';

const read = (env: Environment) => readVonageSettings(env, readGatewayConfig(env, { cwd: '/srv/dutyline', generatedSecret: () => 'x'.repeat(40) }));

describe('Vonage settings', () => {
  it('verifies signatures unless told explicitly not to; without a secret every webhook is then refused', () => {
    expect(read({}).signatures).toEqual({ verify: true, secret: null, apiKey: null });
    expect(read({ VONAGE_SIGNATURE_SECRET: 'secret-0123456789', VONAGE_API_KEY: 'abcd1234' }).signatures)
      .toEqual({ verify: true, secret: 'secret-0123456789', apiKey: 'abcd1234' });
    expect(read({ VONAGE_VERIFY_SIGNATURES: 'false' }).signatures).toEqual({ verify: false });
  });

  it('puts NCCO URLs under PUBLIC_URL, else localhost on the port', () => {
    expect(read({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(read({ PUBLIC_URL: 'https://dutyline.example.com/' }).publicUrl).toBe('https://dutyline.example.com');
  });

  it('names every faulty variable', () => {
    const env = { VONAGE_VERIFY_SIGNATURES: 'sometimes', VONAGE_RINGBACK_TONE_URL: 'ftp://x' };
    expect(() => read(env)).toThrow(ConfigError);
    try {
      read(env);
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.variable)).toEqual(['VONAGE_VERIFY_SIGNATURES', 'VONAGE_RINGBACK_TONE_URL']);
    }
  });
});

describe('webhook URLs', () => {
  const urls = vonageWebhookUrls('https://dutyline.example.com');

  it.each<[string, string, object]>([
    ['the leg event URL', urls.legEvent('c-1', 2), { callId: 'c-1', step: 2, route: 'event' }],
    ['the onAnswer URL', urls.confirmation('c-1', 0), { callId: 'c-1', step: 0, route: 'confirm' }],
    ['the key URL', urls.confirmationInput('c-1', 0), { callId: 'c-1', step: 0, route: 'confirm-input' }],
    ['the notify URL', urls.afterLeg('c-1', 1000), { callId: 'c-1', step: 1000, route: 'after' }],
  ])('%s is read back from a fallback request', (_name, url, expected) => {
    expect(legRouteOf(url)).toEqual(expected);
  });

  it('reads nothing from other URLs', () => {
    expect([legRouteOf(urls.recording('c-1')), legRouteOf('https://dutyline.example.com/vonage/event'), legRouteOf('not a url')]).toEqual([null, null, null]);
  });
});
