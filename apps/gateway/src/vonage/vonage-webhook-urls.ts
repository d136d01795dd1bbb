import type { VonageCallUrls, VonageGroupUrls } from '@dutyline/vonage';
import { HOLD_TONE_PATH } from './vonage-hold-tone';
import { type LegRoute, legRoutePath } from './vonage-leg-routes';

const legUrl = (publicUrl: string, route: LegRoute) => (callId: string, step: number) =>
  `${publicUrl.replace(/\/+$/, '')}${legRoutePath(callId, step, route)}`;

/** The URLs of an all-at-once group's outbound legs (F26), under `<PUBLIC_URL>/vonage/legs`. */
export function vonageGroupUrls(publicUrl: string): VonageGroupUrls {
  return {
    groupEvent: legUrl(publicUrl, 'group-event'),
    groupAnswer: legUrl(publicUrl, 'group-answer'),
    groupInput: legUrl(publicUrl, 'group-input'),
  };
}

/** The URLs put in NCCOs, under `<PUBLIC_URL>/vonage`; each carries the call id and the plan step. */
export function vonageWebhookUrls(publicUrl: string): VonageCallUrls {
  const root = publicUrl.replace(/\/+$/, '');
  const leg = (route: LegRoute) => legUrl(publicUrl, route);
  return {
    legEvent: leg('event'),
    confirmation: leg('confirm'),
    confirmationInput: leg('confirm-input'),
    afterLeg: leg('after'),
    recording: (callId) => `${root}/vonage/calls/${encodeURIComponent(callId)}/recording`,
    keys: (stage) => `${root}/vonage/calls/keys?stage=${encodeURIComponent(stage)}`,
    holdTone: () => `${root}${HOLD_TONE_PATH}`,
  };
}
