import { ConfigError, ConfigProblem } from '@dutyline/env';
import type { Environment, GatewayConfig } from '../config/gateway-config';

/**
 * How the Vonage webhooks are served and checked. The REST API (hanging up legs) is the CarrierModule's
 * `VONAGE_VOICE_API`, configured by VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY.
 */
export interface VonageSettings {
  /**
   * Where Vonage reaches this gateway (the config's `PUBLIC_URL`, e.g. `https://dutyline.example.com`);
   * the event, onAnswer, notify and recording URLs put in NCCOs start with it. @defaultValue `http://localhost:<PORT>`
   */
  readonly publicUrl: string;
  /**
   * Signed webhooks: `VONAGE_SIGNATURE_SECRET` verifies every request to `/vonage/*`. Verification is off
   * only when `VONAGE_VERIFY_SIGNATURES=false` says so (the embedded default, where Vonage cannot reach
   * the gateway anyway); verifying without a secret refuses every webhook (401).
   */
  readonly signatures: { readonly verify: true; readonly secret: string | null; readonly apiKey: string | null } | { readonly verify: false };
  /** `VONAGE_RINGBACK_TONE_URL`: played to the caller while a number rings (mp3/wav). @defaultValue none (the network's ringing) */
  readonly ringbackToneUrl: string | null;
}

/** The Vonage settings: the gateway's config plus the variables it does not read; every faulty one is reported at once. */
export function readVonageSettings(env: Environment, config: GatewayConfig): VonageSettings {
  const problems: ConfigProblem[] = [];
  const text = (name: string) => env[name]?.trim() || undefined;
  const url = (name: string): string | null => {
    const value = text(name);
    if (value === undefined) return null;
    if (!URL.canParse(value) || !['http:', 'https:'].includes(new URL(value).protocol)) {
      problems.push({ variable: name, message: 'must be an http:// or https:// URL' });
      return null;
    }
    return value.replace(/\/+$/, '');
  };
  const verifyText = text('VONAGE_VERIFY_SIGNATURES')?.toLowerCase();
  if (verifyText !== undefined && !['true', 'false'].includes(verifyText)) {
    problems.push({ variable: 'VONAGE_VERIFY_SIGNATURES', message: `must be true or false, not "${verifyText}"` });
  }
  const { vonage } = config;
  const settings: VonageSettings = {
    publicUrl: (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, ''),
    signatures: verifyText === 'false' ? { verify: false } : { verify: true, secret: vonage.signatureSecret, apiKey: vonage.apiKey },
    ringbackToneUrl: url('VONAGE_RINGBACK_TONE_URL'),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return settings;
}
