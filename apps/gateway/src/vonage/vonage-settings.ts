import { ConfigError, type ConfigProblem, type Environment } from '@dutyline/env';

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
   * only when `VONAGE_VERIFY_SIGNATURES=false` says so, or with `auto` (what `npm start` sets when the
   * variable is unset) when no Vonage credential is configured: the embedded default, where Vonage
   * cannot reach the gateway anyway. Verifying without a secret refuses every webhook (401).
   */
  readonly signatures:
    | { readonly verify: true; readonly secret: string | null; readonly apiKey: string | null }
    | { readonly verify: false; /** Why, for the warning. */ readonly because: string };
  /** `VONAGE_RINGBACK_TONE_URL`: played to the caller while a number rings (mp3/wav). @defaultValue none (the network's ringing) */
  readonly ringbackToneUrl: string | null;
}

/** What the Vonage settings take from the rest of the gateway's configuration. */
export interface VonageSettingsSource {
  readonly port: number;
  readonly publicUrl: string | null;
  /** The Vonage credentials: any one set turns verification on under `auto`. */
  readonly vonage: Readonly<
    Record<'applicationId' | 'privateKey' | 'apiKey' | 'apiSecret' | 'signatureSecret', string | null>
  >;
}

/** The Vonage settings: the gateway's config plus the variables it does not read; every faulty one is reported at once. */
export function readVonageSettings(env: Environment, config: VonageSettingsSource): VonageSettings {
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
  if (verifyText !== undefined && !['true', 'false', 'auto'].includes(verifyText)) {
    problems.push({
      variable: 'VONAGE_VERIFY_SIGNATURES',
      message: `must be true, false or auto, not "${verifyText}"`,
    });
  }
  const { vonage } = config;
  const credentials = [
    vonage.applicationId,
    vonage.privateKey,
    vonage.apiKey,
    vonage.apiSecret,
    vonage.signatureSecret,
  ].some((value) => value !== null);
  const settings: VonageSettings = {
    publicUrl: (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, ''),
    signatures:
      verifyText === 'false'
        ? { verify: false, because: 'VONAGE_VERIFY_SIGNATURES=false' }
        : verifyText === 'auto' && !credentials
          ? { verify: false, because: 'VONAGE_VERIFY_SIGNATURES=auto and no Vonage credentials: the embedded default' }
          : { verify: true, secret: vonage.signatureSecret, apiKey: vonage.apiKey },
    ringbackToneUrl: url('VONAGE_RINGBACK_TONE_URL'),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return settings;
}
