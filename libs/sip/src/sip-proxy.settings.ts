import { invalid } from '@dutyline/domain';
import { isIP } from 'node:net';
import { DEFAULT_SIP_TIMERS, SipTimerSettings } from './sip-transaction-base';
import { parseUri } from './sip-uri';

/**
 * How the SIP proxy listens and where it sends calls. URI templates take `{e164}` (`+33611111111`)
 * and `{digits}` (`33611111111`) — the number dialled for targets, the hotline's number for the
 * voicemail and announcement — and `{callId}`, Dutyline's id of the call.
 */
export interface SipProxySettings {
  /** Address the UDP socket binds. @defaultValue '127.0.0.1' */
  readonly bindAddress?: string;
  /** @defaultValue 5060; 0 takes any free port (tests) */
  readonly port?: number;
  /** Host written in the proxy's Via and Record-Route: what PBXs and trunks reach it by. @defaultValue bindAddress (required when that is a wildcard) */
  readonly advertisedHost?: string;
  /** Only UDP is implemented. @defaultValue 'udp' */
  readonly transport?: 'udp';
  /** Where a dialled number is sent: the trunk or the PBX, e.g. `sip:{e164}@trunk.example.net:5060`. */
  readonly targetUri: string;
  /** Other targets by number prefix (`+3314` → a PBX's extensions), longest prefix first. @defaultValue {} */
  readonly targetUriByPrefix?: Readonly<Record<string, string>>;
  /** The caller is redirected there (302) for the voicemail step, e.g. `sip:vm-{digits}@pbx.example.net`. @defaultValue null: 480 with a Reason */
  readonly voicemailUri?: string | null;
  /** The caller is redirected there (302) for a closing message. @defaultValue null: 480 (503 for an apology) with a Reason */
  readonly announcementUri?: string | null;
  /** Final response to a number no hotline answers. @defaultValue 404 */
  readonly unknownNumberStatus?: 404 | 604;
  /** Stay on the signalling path of answered calls (to see BYE and log durations). @defaultValue true */
  readonly recordRoute?: boolean;
  /** Source addresses whose requests are served; others get 403. @defaultValue null: any */
  readonly allowFrom?: readonly string[] | null;
  /** Name of the carrier in the call log. @defaultValue 'sip' */
  readonly carrier?: string;
  /** Prefix of the headers the proxy adds and reads (`X-Dutyline-Call`, `-Confirm`, `-Announce`, `-Outcome`, `-Recording`). @defaultValue 'X-Dutyline-' */
  readonly headerPrefix?: string;
  /** After cancelling a leg that rang too long, how long to wait for its final response. @defaultValue 4000 */
  readonly cancelGraceMs?: number;
  /** RFC 3261 timers. @defaultValue `{t1Ms: 500, t2Ms: 4000, t4Ms: 5000}` */
  readonly timers?: Partial<SipTimerSettings>;
  /** An answered call not hung up after this long is forgotten (its end is never logged). @defaultValue 43200 (12 h) */
  readonly dialogTtlSeconds?: number;
}

export type ResolvedSipProxySettings = Required<Omit<SipProxySettings, 'timers'>> & {
  readonly timers: SipTimerSettings;
  readonly advertisedHost: string;
};

/** A week: answered calls are remembered no longer (and Node timers cannot wait past 24 days). */
const MAX_DIALOG_TTL_SECONDS = 604_800;

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;
const KNOWN_PLACEHOLDERS = new Set(['e164', 'digits', 'callId']);

/** Fills a URI template; `{callId}` is empty when no call id is known. */
export function expandUri(
  template: string,
  values: { readonly number: string; readonly callId?: string | null },
): string {
  const e164 = values.number.startsWith('+') ? values.number : `+${values.number}`;
  const filled: Record<string, string> = { e164, digits: e164.slice(1), callId: values.callId ?? '' };
  return template.replace(PLACEHOLDER, (all, name: string) => filled[name] ?? all);
}

/** Applies the defaults and refuses settings that cannot work (`ValidationError`, field under `sip.`). */
export function resolveSipProxySettings(settings: SipProxySettings): ResolvedSipProxySettings {
  const bindAddress = settings.bindAddress ?? '127.0.0.1';
  if (isIP(bindAddress) === 0)
    invalid('INVALID_SIP_SETTING', 'sip.bindAddress', `"${bindAddress}" is not an IP address`);
  const wildcard = bindAddress === '0.0.0.0' || bindAddress === '::';
  if (wildcard && !settings.advertisedHost)
    invalid(
      'INVALID_SIP_SETTING',
      'sip.advertisedHost',
      'give the address PBXs reach the proxy by when it binds every interface',
    );
  const port = settings.port ?? 5060;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    invalid('INVALID_SIP_SETTING', 'sip.port', `${port} is not a port number`);
  if ((settings.transport ?? 'udp') !== 'udp')
    invalid('INVALID_SIP_SETTING', 'sip.transport', 'only udp is implemented');

  checkTemplate(settings.targetUri, 'sip.targetUri', true);
  const byPrefix = settings.targetUriByPrefix ?? {};
  for (const [prefix, template] of Object.entries(byPrefix)) {
    if (!/^\+?\d{1,15}$/.test(prefix))
      invalid('INVALID_SIP_SETTING', `sip.targetUriByPrefix.${prefix}`, `"${prefix}" is not a number prefix`);
    checkTemplate(template, `sip.targetUriByPrefix.${prefix}`, false);
  }
  for (const field of ['voicemailUri', 'announcementUri'] as const) {
    const template = settings[field];
    if (template !== undefined && template !== null) checkTemplate(template, `sip.${field}`, false);
  }
  const unknownNumberStatus = settings.unknownNumberStatus ?? 404;
  if (unknownNumberStatus !== 404 && unknownNumberStatus !== 604)
    invalid('INVALID_SIP_SETTING', 'sip.unknownNumberStatus', 'use 404 or 604');
  const allowFrom = settings.allowFrom ?? null;
  allowFrom?.forEach((address, i) => {
    if (isIP(address) === 0) invalid('INVALID_SIP_SETTING', `sip.allowFrom[${i}]`, `"${address}" is not an IP address`);
  });
  const headerPrefix = settings.headerPrefix ?? 'X-Dutyline-';
  if (!/^[A-Za-z][A-Za-z0-9-]*-$/.test(headerPrefix))
    invalid(
      'INVALID_SIP_SETTING',
      'sip.headerPrefix',
      'a header prefix is letters, digits and dashes ending with a dash',
    );
  const timers = { ...DEFAULT_SIP_TIMERS, ...settings.timers };
  for (const [name, value] of Object.entries(timers)) positive(value, `sip.timers.${name}`);
  const cancelGraceMs = positive(settings.cancelGraceMs ?? 4000, 'sip.cancelGraceMs');
  const dialogTtlSeconds = positive(settings.dialogTtlSeconds ?? 43_200, 'sip.dialogTtlSeconds');
  if (dialogTtlSeconds > MAX_DIALOG_TTL_SECONDS)
    invalid('INVALID_SIP_SETTING', 'sip.dialogTtlSeconds', `at most ${MAX_DIALOG_TTL_SECONDS} s (a week)`);
  const carrier = settings.carrier ?? 'sip';
  if (carrier.trim() === '') invalid('INVALID_SIP_SETTING', 'sip.carrier', 'a carrier needs a name');

  return {
    bindAddress,
    port,
    advertisedHost: settings.advertisedHost ?? bindAddress,
    transport: 'udp',
    targetUri: settings.targetUri,
    targetUriByPrefix: Object.fromEntries(
      Object.entries(byPrefix).map(([prefix, template]) => [prefix.startsWith('+') ? prefix : `+${prefix}`, template]),
    ),
    voicemailUri: settings.voicemailUri ?? null,
    announcementUri: settings.announcementUri ?? null,
    unknownNumberStatus,
    recordRoute: settings.recordRoute ?? true,
    allowFrom,
    carrier,
    headerPrefix,
    cancelGraceMs,
    timers,
    dialogTtlSeconds,
  };
}

/** The target URI template for a dialled number: the longest matching prefix, else `targetUri`. */
export function targetTemplateFor(
  settings: Pick<ResolvedSipProxySettings, 'targetUri' | 'targetUriByPrefix'>,
  e164: string,
): string {
  const prefix = Object.keys(settings.targetUriByPrefix)
    .filter((candidate) => e164.startsWith(candidate))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? settings.targetUri : settings.targetUriByPrefix[prefix];
}

function checkTemplate(template: unknown, field: string, needsNumber: boolean): void {
  if (typeof template !== 'string' || template.trim() === '')
    invalid('INVALID_SIP_SETTING', field, 'a SIP URI template is required');
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (!KNOWN_PLACEHOLDERS.has(name))
      invalid('INVALID_SIP_SETTING', field, `{${name}} is not one of {e164}, {digits}, {callId}`);
  }
  if (needsNumber && !/\{(e164|digits)\}/.test(template))
    invalid('INVALID_SIP_SETTING', field, 'the target URI must place the number: {e164} or {digits}');
  const sample = parseUri(expandUri(template, { number: '+33611111111', callId: 'call-1' }));
  if (sample === null || sample.scheme === 'tel' || sample.host === '')
    invalid('INVALID_SIP_SETTING', field, `"${template}" is not a sip: URI with a host`);
}

function positive(value: number, field: string): number {
  if (!Number.isFinite(value) || value <= 0) invalid('INVALID_SIP_SETTING', field, `${value} is not a positive number`);
  return value;
}
