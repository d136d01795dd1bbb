import { LegOutcome } from '../ports/carrier.port';
import { Id } from '../shared';
import { CallStep, DialStep } from './call-plan';

/*
 * The all-at-once part of the escalation (F26): which legs of a group ring, and what one leg's outcome
 * does to the group. Pure helpers over legs; escalation.ts decides the moves.
 */

/** One number dialled during the call, for the call log. */
export interface LegRecord {
  readonly step: number;
  readonly number: string;
  readonly personId: Id;
  readonly personName: string;
  /**
   * `null` while it rings; `cancelled` when the caller left, or another leg of its group took the
   * call, before it ended; `skipped-busy` when the person was already on as many calls as they take,
   * so the number was not rung.
   */
  readonly outcome: LegOutcome | 'cancelled' | 'skipped-busy' | null;
}

/** A callee leg: the dial step it was placed for, and its number. */
export interface LegRef {
  readonly step: number;
  readonly number: string;
}

/** One leg of a group to ring. */
export interface GroupLeg extends LegRef {
  readonly ringTimeoutSeconds: number;
}

/** Outcomes of a leg that was picked up without taking the call: it must be hung up. */
const PICKED_UP_NOT_TAKEN: readonly LegOutcome[] = ['machine', 'declined', 'not-confirmed'];

export const legRecord = (index: number, step: DialStep, outcome: LegRecord['outcome'] = null): LegRecord => ({
  step: index,
  number: step.number,
  personId: step.personId,
  personName: step.personName,
  outcome,
});

export const legRef = ({ step, number }: LegRef): LegRef => ({ step, number });

/** Still ringing, or picked up and announcing. */
export const isLive = (leg: LegRecord): boolean => leg.outcome === null || leg.outcome === 'answered';

/** What a group starting at `first` rings: its steps not dialled yet and not skipped, and the skipped ones. */
export interface GroupToRing {
  /** Indices of the steps to ring together. */
  readonly ringing: readonly number[];
  readonly skipped: readonly LegRecord[];
  /** Index of the group's last step. */
  readonly last: number;
}

/**
 * The consecutive dial steps from `first` sharing its `group`; numbers already `dialled` are left out,
 * those of `unavailable` persons are recorded as `skipped-busy` without ringing.
 */
export function groupToRing(
  steps: readonly CallStep[],
  first: number,
  { dialled, unavailable }: { readonly dialled: ReadonlySet<string>; readonly unavailable?: ReadonlySet<Id> },
): GroupToRing {
  const group = (steps[first] as DialStep).group;
  const ringing: number[] = [];
  const skipped: LegRecord[] = [];
  let last = first;
  for (let index = first; index < steps.length; index++) {
    const step = steps[index];
    if (step.kind !== 'dial' || step.group !== group) break;
    last = index;
    if (dialled.has(step.number) || ringing.some((i) => (steps[i] as DialStep).number === step.number)) continue;
    if (unavailable?.has(step.personId)) skipped.push(legRecord(index, step, 'skipped-busy'));
    else ringing.push(index);
  }
  return { ringing, skipped, last };
}

/** What one leg's outcome does to the group it rings in. */
export type GroupLegResult =
  /** Not a live leg of the group (stale, replayed, or already ended): nothing changes. */
  | { readonly kind: 'ignore' }
  /** Picked up, the callee must press the key; the others keep ringing. */
  | { readonly kind: 'confirming'; readonly legs: readonly LegRecord[] }
  /** The leg took the call: the other live legs are cancelled, to be hung up (`drop`). */
  | { readonly kind: 'won'; readonly legs: readonly LegRecord[]; readonly drop: readonly LegRef[] }
  /** The leg ended without the call, others still live; `hangUp` when it was picked up. */
  | { readonly kind: 'leg-ended'; readonly legs: readonly LegRecord[]; readonly hangUp: LegRef | null }
  /** The last live leg ended without the call: the escalation goes on after the group. */
  | { readonly kind: 'group-ended'; readonly legs: readonly LegRecord[] };

export function groupLegOutcome(
  legs: readonly LegRecord[],
  {
    group,
    step,
    outcome,
    requireConfirmation,
  }: {
    readonly group: readonly number[];
    readonly step: number;
    readonly outcome: LegOutcome;
    readonly requireConfirmation: boolean;
  },
): GroupLegResult {
  const leg = legs.find((candidate) => candidate.step === step);
  if (!group.includes(step) || !leg || !isLive(leg)) return { kind: 'ignore' };
  const set = (outcomeOf: (l: LegRecord) => LegRecord['outcome']) =>
    legs.map((l) => (group.includes(l.step) ? { ...l, outcome: outcomeOf(l) } : l));
  if (outcome === 'answered' && requireConfirmation) {
    if (leg.outcome === 'answered') return { kind: 'ignore' };
    return { kind: 'confirming', legs: set((l) => (l.step === step ? 'answered' : l.outcome)) };
  }
  if (outcome === 'answered' || outcome === 'confirmed') {
    const drop = legs.filter((l) => group.includes(l.step) && l.step !== step && isLive(l)).map(legRef);
    const dropped = new Set(drop.map((l) => l.step));
    return {
      kind: 'won',
      legs: set((l) => (l.step === step ? outcome : dropped.has(l.step) ? 'cancelled' : l.outcome)),
      drop,
    };
  }
  const after = set((l) => (l.step === step ? outcome : l.outcome));
  if (!after.some((l) => group.includes(l.step) && isLive(l))) return { kind: 'group-ended', legs: after };
  return { kind: 'leg-ended', legs: after, hangUp: PICKED_UP_NOT_TAKEN.includes(outcome) ? legRef(leg) : null };
}

/** The caller left while the group rang: its live legs cancelled, to be hung up. */
export function abandonedGroup(
  legs: readonly LegRecord[],
  group: readonly number[],
): { readonly legs: readonly LegRecord[]; readonly hangUp: readonly LegRef[] } {
  const hangUp = legs.filter((l) => group.includes(l.step) && isLive(l)).map(legRef);
  const cancelled = new Set(hangUp.map((l) => l.step));
  return { legs: legs.map((l) => (cancelled.has(l.step) ? { ...l, outcome: 'cancelled' } : l)), hangUp };
}
