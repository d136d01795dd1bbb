import type { VonageCallUrls } from '@dutyline/vonage';

/** The URLs put in NCCOs, under `<PUBLIC_URL>/vonage`; each carries the call id and the plan step. */
export function vonageWebhookUrls(publicUrl: string): VonageCallUrls {
  const base = `${publicUrl.replace(/\/+$/, '')}/vonage`;
  const leg = (callId: string, step: number, what: string) =>
    `${base}/legs/${encodeURIComponent(callId)}/${step}/${what}`;
  return {
    legEvent: (callId, step) => leg(callId, step, 'event'),
    confirmation: (callId, step) => leg(callId, step, 'confirm'),
    confirmationInput: (callId, step) => leg(callId, step, 'confirm-input'),
    afterLeg: (callId, step) => leg(callId, step, 'after'),
    recording: (callId) => `${base}/calls/${encodeURIComponent(callId)}/recording`,
  };
}
