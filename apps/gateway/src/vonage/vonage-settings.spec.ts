import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError } from '@dutyline/env';
import { type Environment, readGatewayConfig } from '../config/gateway-config';
import { legRouteOf } from './vonage-leg-routes';
import { readVonageSettings } from './vonage-settings';
import { vonageWebhookUrls } from './vonage-webhook-urls';

const read = (env: Environment) =>
  readVonageSettings(env, readGatewayConfig(env, { cwd: '/srv/dutyline', generatedSecret: () => 'x'.repeat(40) }));

describe('Vonage settings', () => {
  it('verifies signatures unless told explicitly not to; without a secret every webhook is then refused', () => {
    expect(read({}).signatures).toEqual({ verify: true, secret: null, apiKey: null });
    expect(read({ VONAGE_SIGNATURE_SECRET: 'secret-0123456789', VONAGE_API_KEY: 'abcd1234' }).signatures).toEqual({
      verify: true,
      secret: 'secret-0123456789',
      apiKey: 'abcd1234',
    });
    expect(read({ VONAGE_VERIFY_SIGNATURES: 'false' }).signatures).toEqual({
      verify: false,
      because: 'VONAGE_VERIFY_SIGNATURES=false',
    });
  });

  it.each([
    ['VONAGE_SIGNATURE_SECRET', { VONAGE_SIGNATURE_SECRET: 'secret-0123456789' }],
    ['VONAGE_APPLICATION_ID', { VONAGE_APPLICATION_ID: 'app-1' }],
    ['VONAGE_PRIVATE_KEY', { VONAGE_PRIVATE_KEY: 'keys/app.pem' }],
    ['VONAGE_API_KEY', { VONAGE_API_KEY: 'abcd1234' }],
    ['VONAGE_API_SECRET', { VONAGE_API_SECRET: 'secret' }],
  ])('with auto, %s turns verification on', (_name, credentials) => {
    expect(read({ VONAGE_VERIFY_SIGNATURES: 'auto', ...credentials }).signatures).toMatchObject({ verify: true });
  });

  it('with auto and no Vonage credential (the embedded default) does not verify; only an explicit false turns it off with credentials', () => {
    expect(read({ VONAGE_VERIFY_SIGNATURES: 'auto' }).signatures).toMatchObject({
      verify: false,
      because: expect.stringContaining('no Vonage credentials'),
    });
    expect(
      read({ VONAGE_VERIFY_SIGNATURES: 'false', VONAGE_SIGNATURE_SECRET: 'secret-0123456789' }).signatures,
    ).toMatchObject({ verify: false });
  });
});

describe('npm start', () => {
  const root = path.resolve(__dirname, '../../../..');
  const startScript: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start;
  let bin: string;
  beforeAll(() => {
    // A stand-in for node that prints what the gateway would read: the start script's own defaulting runs for real in sh.
    bin = mkdtempSync(path.join(tmpdir(), 'start-script-'));
    writeFileSync(
      path.join(bin, 'node'),
      '#!/bin/sh\ncase "$*" in *apps/gateway/src/main.ts*) printf %s "$VONAGE_VERIFY_SIGNATURES";; esac\n',
    );
    chmodSync(path.join(bin, 'node'), 0o755);
  });
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  const signaturesUnderStart = (env: Record<string, string>) => {
    const verify = execFileSync('sh', ['-c', startScript], {
      cwd: root,
      env: { PATH: `${bin}:/usr/bin:/bin`, ...env },
      encoding: 'utf8',
    });
    return read({ ...env, ...(verify ? { VONAGE_VERIFY_SIGNATURES: verify } : {}) }).signatures;
  };

  it('verifies signatures once Vonage credentials are configured, and not in the embedded default', () => {
    expect(
      signaturesUnderStart({ VONAGE_SIGNATURE_SECRET: 'secret-0123456789', VONAGE_APPLICATION_ID: 'app-1' }),
    ).toEqual({ verify: true, secret: 'secret-0123456789', apiKey: null });
    expect(signaturesUnderStart({})).toMatchObject({ verify: false });
    expect(
      signaturesUnderStart({ VONAGE_SIGNATURE_SECRET: 'secret-0123456789', VONAGE_VERIFY_SIGNATURES: 'false' }),
    ).toMatchObject({ verify: false });
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
      expect((error as ConfigError).problems.map((p) => p.variable)).toEqual([
        'VONAGE_VERIFY_SIGNATURES',
        'VONAGE_RINGBACK_TONE_URL',
      ]);
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
    expect([
      legRouteOf(urls.recording('c-1')),
      legRouteOf('https://dutyline.example.com/vonage/event'),
      legRouteOf('not a url'),
    ]).toEqual([null, null, null]);
  });
});
