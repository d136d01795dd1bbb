import fs from 'node:fs';
import type { VonageVoiceSettings } from '@dutyline/vonage';
import { ConfigError, ConfigProblem } from '@dutyline/env';
import type { GatewayConfig } from '../config/gateway-config';

/** Which carrier places outbound calls and sends text messages. */
export type CarrierChoice =
  | {
      readonly kind: 'vonage';
      readonly settings: VonageVoiceSettings;
      readonly publicUrl: string | null;
      readonly sms: boolean;
    }
  | { readonly kind: 'simulator' };

const PEM = /-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----/;

/**
 * Vonage as soon as any of its credentials is set (and then all it needs must be), else the simulator.
 * `VONAGE_PRIVATE_KEY` holds the PEM text (`\n` escapes allowed) or the path of the PEM file.
 * Throws a ConfigError naming every faulty variable.
 */
export function carrierChoice(
  config: Pick<GatewayConfig, 'vonage' | 'publicUrl'>,
  readFile: (path: string) => string = (p) => fs.readFileSync(p, 'utf8'),
): CarrierChoice {
  const { applicationId, privateKey, apiKey, apiSecret, apiHost, restHost } = config.vonage;
  if (applicationId === null && privateKey === null && apiKey === null && apiSecret === null)
    return { kind: 'simulator' };
  const problems: ConfigProblem[] = [];
  const need = (variable: string, when: string) => problems.push({ variable, message: `required when ${when} is set` });
  if (applicationId === null)
    need('VONAGE_APPLICATION_ID', privateKey !== null ? 'VONAGE_PRIVATE_KEY' : 'VONAGE_API_KEY');
  else if (!/^[A-Za-z0-9-]{1,64}$/.test(applicationId))
    problems.push({
      variable: 'VONAGE_APPLICATION_ID',
      message: 'must be the application id Vonage shows (letters, digits and -)',
    });
  const pem = privateKey === null ? null : privateKeyPem(privateKey, readFile, problems);
  if (privateKey === null && applicationId !== null) need('VONAGE_PRIVATE_KEY', 'VONAGE_APPLICATION_ID');
  if (apiKey !== null && apiSecret === null) need('VONAGE_API_SECRET', 'VONAGE_API_KEY');
  if (apiSecret !== null && apiKey === null) need('VONAGE_API_KEY', 'VONAGE_API_SECRET');
  if (problems.length > 0 || applicationId === null || pem === null) throw new ConfigError(problems);
  const settings: VonageVoiceSettings = {
    applicationId,
    privateKey: pem,
    ...(apiKey !== null && apiSecret !== null ? { apiKey, apiSecret } : {}),
    ...(apiHost !== null ? { apiHost } : {}),
    ...(restHost !== null ? { restHost } : {}),
  };
  return { kind: 'vonage', settings, publicUrl: config.publicUrl, sms: apiKey !== null };
}

function privateKeyPem(value: string, readFile: (path: string) => string, problems: ConfigProblem[]): string | null {
  const problem = (message: string) => {
    problems.push({ variable: 'VONAGE_PRIVATE_KEY', message });
    return null;
  };
  if (value.includes('-----BEGIN')) {
    const text = value.replace(/\\n/g, '\n');
    return PEM.test(text) ? text : problem('holds no PEM private key (-----BEGIN PRIVATE KEY-----)');
  }
  let text: string;
  try {
    text = readFile(value);
  } catch (error) {
    return problem(
      `is neither a PEM text nor a readable file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  return PEM.test(text) ? text : problem(`names a file that holds no PEM private key: ${value}`);
}
