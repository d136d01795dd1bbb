/**
 * Calls as the inbound service stores them, for the call store's specs: a plan of three people and a
 * voicemail, moved by escalation events with their facts.
 */
import {
  CallFact,
  CallPlan,
  DialStep,
  EscalationEvent,
  onEscalationEvent,
  parseInstant,
  startCallTimeline,
  startEscalation,
  updateCallTimeline,
} from '@dutyline/domain';
import { CallDocument } from '../mappers/call.mapper';

export const T0 = parseInstant('2027-03-28T00:30:00Z');
export const at = (seconds: number) => T0 + seconds * 1000;

const dial = (
  number: string,
  { personId, personName, level }: { personId: string; personName: string; level: number | null },
): DialStep => ({
  kind: 'dial',
  number,
  label: 'mobile',
  ringTimeoutSeconds: 20,
  personId,
  personName,
  via: level === null ? 'supervisor' : 'on-call',
  level,
  teamId: null,
});

function planFor(accountId: string, hotlineId: string): CallPlan {
  return {
    hotline: { id: hotlineId, accountId, name: 'Chaufferie — Zoé', number: '+33140000000', language: 'fr-FR' },
    at: T0,
    slotId: 'slot-1',
    overrideIds: [],
    greeting: { kind: 'text', text: 'Bonjour, ne quittez pas', language: 'fr-FR' },
    requireAnswerConfirmation: true,
    callerIdMode: 'hotline',
    steps: [
      dial('+33611111111', { personId: 'alice', personName: 'Alice', level: 0 }),
      dial('+33622222222', { personId: 'bob', personName: 'Bob', level: 1 }),
      dial('+33644444444', { personId: 'dan', personName: 'Dan', level: null }),
      { kind: 'voicemail', greeting: null },
    ],
  };
}

/** A call as the inbound service stores it, moved by `events` (each with its fact), plus a field the store knows nothing of. */
export function aCall(
  id: string,
  accountId: string | null,
  options: { hotlineId?: string; startedAt?: number; events?: [EscalationEvent, CallFact][] } = {},
): CallDocument & { lastReply: unknown } {
  const startedAt = options.startedAt ?? T0;
  let { state } = startEscalation(planFor(accountId ?? 'unknown', options.hotlineId ?? 'hl-1'), id);
  let timeline = startCallTimeline(state, startedAt);
  for (const [event, fact] of options.events ?? []) {
    const next = onEscalationEvent(state, event).state;
    timeline = updateCallTimeline(timeline, { before: state, after: next, fact });
    state = next;
  }
  return {
    id,
    version: 0,
    accountId,
    hotlineId: accountId === null ? null : (options.hotlineId ?? 'hl-1'),
    hotlineNumber: '+33140000000',
    carrier: 'vonage',
    carrierCallId: `leg-${id}`,
    caller: '+33698765432',
    planSource: 'schedule',
    state,
    timeline,
    comments: [],
    lastReply: { key: 'answer', instruction: { kind: 'dial', to: '+33611111111' } },
  };
}

export const answeredByBob = (startedAt: number): [EscalationEvent, CallFact][] => [
  [
    { type: 'leg-outcome', step: 0, outcome: 'busy' },
    { kind: 'leg-ended', step: 0, at: startedAt + 3000, sipCode: 486 },
  ],
  [
    { type: 'leg-outcome', step: 1, outcome: 'confirmed' },
    { kind: 'confirmation', step: 1, at: startedAt + 12_000 },
  ],
];
