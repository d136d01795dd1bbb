/*
 * Our webhook routes that carry a call id and a plan step: `<PUBLIC_URL>/vonage/legs/<callId>/<step>/<route>`.
 * One definition builds them (the URLs put in NCCOs), serves them (the webhook server) and reads them
 * back (a fallback request names the URL Vonage could not use).
 */

/** The leg routes of an all-at-once group's outbound legs (F26): their events, their pick-up, the callee's key. */
export const GROUP_LEG_ROUTES = ['group-event', 'group-answer', 'group-input'] as const;
export type GroupLegRoute = (typeof GROUP_LEG_ROUTES)[number];

/** The leg routes: the connect's event URL, the callee's onAnswer URL, the callee's key, the notify after a connect; a group's legs'. */
export const LEG_ROUTES = ['event', 'confirm', 'confirm-input', 'after', ...GROUP_LEG_ROUTES] as const;
export type LegRoute = (typeof LEG_ROUTES)[number];

/** Whether a leg route is one of a group's legs. */
export const isGroupLegRoute = (route: LegRoute): route is GroupLegRoute =>
  (GROUP_LEG_ROUTES as readonly string[]).includes(route);

/** A leg route's call, step and kind. */
export interface LegRouteParams {
  readonly callId: string;
  readonly step: number;
  readonly route: LegRoute;
}

/** The call ids we give (what a URL of ours can carry). */
const CALL_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A plan step. */
const STEP = /^\d{1,4}$/;
const LEG_PATH = `/vonage/legs/([^/]+)/([^/]+)/(${LEG_ROUTES.join('|')})/?$`;
/** A request path of the gateway's. */
const SERVED_LEG_PATH = new RegExp(`^${LEG_PATH}`);
/** The end of a URL's path (PUBLIC_URL may have a path of its own). */
const LEG_PATH_END = new RegExp(LEG_PATH);

/** The path of a leg route, below the gateway's public URL. */
export function legRoutePath(callId: string, step: number, route: LegRoute): string {
  return `/vonage/legs/${encodeURIComponent(callId)}/${step}/${route}`;
}

/** The route's pattern, as logs and metrics name it (never the path: its segments are the caller's text). */
export function legRoutePattern(route: LegRoute): string {
  return `/vonage/legs/:callId/:step/${route}`;
}

/** The plan step in a URL; anything else is a step no call has (its events are then stale). */
export const stepOf = (text: string): number => (STEP.test(text) ? Number(text) : -1);

/**
 * The leg route a request path asks for, or null when it is none (or its call id cannot be decoded).
 * Served whatever the call id and step: a step that is none becomes -1, whose events are stale.
 */
export function servedLegRoute(path: string): LegRouteParams | null {
  const match = SERVED_LEG_PATH.exec(path);
  if (!match) return null;
  try {
    return { callId: decodeURIComponent(match[1]), step: stepOf(match[2]), route: match[3] as LegRoute };
  } catch {
    return null;
  }
}

/** The call id, step and kind of one of our leg URLs (as a fallback request names it); null for any other URL. */
export function legRouteOf(url: string): LegRouteParams | null {
  const path = URL.canParse(url) ? new URL(url).pathname : url.split('?')[0];
  const match = LEG_PATH_END.exec(path);
  if (!match || !CALL_ID.test(match[1]) || !STEP.test(match[2])) return null;
  return { callId: match[1], step: Number(match[2]), route: match[3] as LegRoute };
}
