import type { VonageCallUrls } from '@dutyline/vonage';
import { type LegRoute, legRoutePath } from './vonage-leg-routes';

/** The URLs put in NCCOs, under `<PUBLIC_URL>/vonage`; each carries the call id and the plan step. */
export function vonageWebhookUrls(publicUrl: string): VonageCallUrls {
  const root = publicUrl.replace(/\/+$/, '');
  const leg = (route: LegRoute) => (callId: string, step: number) => `${root}${legRoutePath(callId, step, route)}`;
  return {
    legEvent: leg('event'),
    confirmation: leg('confirm'),
    confirmationInput: leg('confirm-input'),
    afterLeg: leg('after'),
    recording: (callId) => `${root}/vonage/calls/${encodeURIComponent(callId)}/recording`,
    keys: (stage) => `${root}/vonage/calls/keys?stage=${encodeURIComponent(stage)}`,
  };
}
