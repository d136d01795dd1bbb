import type { ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { GatewayConfig } from './config/gateway-config';

/** HSTS for a year, on the gateway's own host only (it cannot speak for its sibling subdomains). */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 3600;

const isHttps = (config: Pick<GatewayConfig, 'publicUrl'>) => config.publicUrl?.startsWith('https:') ?? false;

/** The WebSocket origin of PUBLIC_URL (GraphQL subscriptions), for `connect-src`; none without PUBLIC_URL. */
function webSocketOrigin(publicUrl: string | null): string[] {
  if (publicUrl === null) return [];
  const url = new URL(publicUrl);
  return [`${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`];
}

/**
 * The Content-Security-Policy for what the gateway serves to browsers: the web console at `/` (a
 * React + Mantine single-page app built by Vite, all of it from this origin; Mantine injects `<style>`
 * tags, hence `'unsafe-inline'` for styles only) and JSON everywhere else. Never framed.
 */
export function consoleContentSecurityPolicy(
  config: Pick<GatewayConfig, 'publicUrl'>,
): Record<string, string[] | null> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", ...webSocketOrigin(config.publicUrl)],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    // Over plain http (a local gateway) upgrading would break every request.
    upgradeInsecureRequests: isHttps(config) ? [] : null,
  };
}

/**
 * Helmet for every response that goes through Express: nosniff, no referrer, the console's CSP,
 * `X-Frame-Options: DENY`, and HSTS only when PUBLIC_URL is https. A route may set a stricter header
 * of its own afterwards (the voicemail link's CSP): the one set last is sent.
 */
export function securityHeaders(config: Pick<GatewayConfig, 'publicUrl'>) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: consoleContentSecurityPolicy(config) },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: isHttps(config) ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: false } : false,
  });
}

/**
 * The headers the call webhooks (served ahead of Express) carry: nosniff, no referrer, and a policy
 * that lets their JSON run nothing nor be framed. Computed once: the answer path only copies them.
 */
export const WEBHOOK_SECURITY_HEADERS: readonly (readonly [string, string])[] = Object.freeze([
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
] as const);

export function writeWebhookSecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of WEBHOOK_SECURITY_HEADERS) response.setHeader(name, value);
}
