import type { CallInstruction, DialInstruction } from '@dutyline/application';
import { PhoneNumber } from '@dutyline/domain';
import { AdvancedMachineDetectionOptions, conversation, notify, playPrompt, talk } from './vonage-ncco.actions';
import { answerConfirmationNcco } from './vonage-ncco.builder';
import { Ncco } from './vonage-ncco.types';
import type { CreateCallRequest } from './vonage-voice.api';

/*
 * An all-at-once group (F26) on Vonage: the caller waits in a named conversation of its own while one
 * outbound call per leg is placed through the REST API (`POST /v1/calls`); the leg that takes the call
 * joins that conversation, the others are hung up (`PUT /v1/calls/{uuid}`). A caller's leg the group
 * leaves without anyone is moved on with a REST transfer, since its NCCO waits on nothing.
 */

/** Where Vonage reaches the gateway for a group's leg; each URL carries the call id and the leg's step. */
export interface VonageGroupUrls {
  /** The outbound leg's `event_url` (its statuses). */
  groupEvent(callId: string, step: number): string;
  /** The `notify` run when the callee picks up: the announcement, or the join. */
  groupAnswer(callId: string, step: number): string;
  /** The `eventUrl` of the callee's key after the announcement. */
  groupInput(callId: string, step: number): string;
}

/** The conversation the caller of `callId` waits in while a group rings. */
export const groupConversationName = (callId: string): string => `dutyline-${callId}`;

/** The caller's NCCO while a group rings: the greeting, then the conversation (a ringback as music on hold: never silence). */
export function groupHoldNcco(group: Extract<CallInstruction, { kind: 'dial-group' }>, ringbackToneUrl: string): Ncco {
  return [
    ...(group.greeting ? [playPrompt(group.greeting, {}, 'greeting')] : []),
    conversation(groupConversationName(group.callId), {
      musicOnHoldUrl: ringbackToneUrl,
      startOnEnter: false,
      endOnExit: true,
    }),
  ];
}

/** The NCCO of the callee who took the call: into the caller's conversation, which ends when either leaves. */
export const joinGroupNcco = (callId: string): Ncco => [
  conversation(groupConversationName(callId), { startOnEnter: true, endOnExit: true }),
];

/**
 * The callee who picked up a leg that asks no key, while machine detection has not given its verdict:
 * silence that never ends by itself (never joined by accident); a person is then moved into the
 * caller's conversation by a REST transfer, a machine is hung up.
 */
export const awaitingVerdictNcco = (): Ncco => [talk('<speak><break time="10s"/></speak>', { loop: 0 }, 'silence')];

/** Whether the `notify` of a group leg's pick-up says its callee must press a key (`groupLegCall` put it there). */
export function asksKey(fields: Readonly<Record<string, unknown>> | URLSearchParams): boolean {
  const payload = fields instanceof URLSearchParams ? null : fields['payload'];
  return !(typeof payload === 'object' && payload !== null && (payload as { confirm?: unknown }).confirm === false);
}

/** The announcement to the callee of a group's leg; the key goes to the group's input URL. */
export function groupAnnouncementNcco(
  announce: Extract<CallInstruction, { kind: 'announce' }>,
  urls: VonageGroupUrls,
  announcementPlays?: number,
): Ncco {
  return answerConfirmationNcco({
    announcement: announce.prompt,
    eventUrl: urls.groupInput(announce.callId, announce.step),
    timeoutSeconds: announce.timeoutSeconds,
    announcementPlays,
  });
}

/** The outbound call for one leg of a group: it rings `ringingTimer` seconds, and its pick-up asks the gateway. */
export function groupLegCall(
  dial: DialInstruction,
  { urls, machineDetection }: { urls: VonageGroupUrls; machineDetection?: AdvancedMachineDetectionOptions },
): CreateCallRequest {
  return {
    to: PhoneNumber.fromE164(dial.to, 'to'),
    from: PhoneNumber.fromE164(dial.callerId, 'callerId'),
    ncco: [
      notify(
        { callId: dial.callId, step: dial.step, confirm: dial.confirm },
        urls.groupAnswer(dial.callId, dial.step),
        {
          eventMethod: 'POST',
        },
      ),
    ],
    eventUrl: urls.groupEvent(dial.callId, dial.step),
    ringingTimer: Math.min(120, Math.max(1, dial.ringTimeoutSeconds)),
    ...(dial.machineDetection ? { machineDetection: machineDetection ?? { behavior: 'hangup', mode: 'detect' } } : {}),
  };
}
