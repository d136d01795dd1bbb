import { AssigneeRef } from '../directory/assignee';
import { CallerIdMode, Hotline } from '../directory/hotline';
import { Person } from '../directory/person';
import { Prompt } from '../directory/prompt';
import { strategyOfLevel } from '../directory/ringing-strategy';
import { Directory, membersOf } from '../directory/team';
import { OnCall } from '../schedule/slot';
import { Id, Instant, assertInstant } from '../shared';
import { OnCallSource } from './on-call-source';
import type { CallRoute } from './route-call';

/** Ring one number of one person. */
export interface DialStep {
  readonly kind: 'dial';
  /** E.164 */
  readonly number: string;
  readonly label: string;
  readonly ringTimeoutSeconds: number;
  readonly personId: Id;
  readonly personName: string;
  /** Why this person is rung: an on-call level, or the scenario's supervisors step. */
  readonly via: 'on-call' | 'supervisor';
  /** The on-call level (0 = first); null for supervisors. */
  readonly level: number | null;
  /** Set when the person is rung as a member of this team. */
  readonly teamId: Id | null;
  /**
   * Set on the steps of an `all-at-once` level (its level number): consecutive steps of one group
   * ring together. Absent: the step rings alone.
   */
  readonly group?: number;
  /** The person's cap on simultaneous calls; absent (emergency numbers, plans stored before caps): no cap. */
  readonly maxSimultaneousCalls?: number;
}

/** Play the greeting (if any), then record the caller. */
export interface VoicemailStep {
  readonly kind: 'voicemail';
  readonly greeting: Prompt | null;
}

/** Play the message, then hang up. */
export interface MessageStep {
  readonly kind: 'message';
  readonly message: Prompt;
}

export type CallStep = DialStep | VoicemailStep | MessageStep;
export type FinalStep = VoicemailStep | MessageStep;

/**
 * What happens to a call arriving at `at`, fixed when the call starts. Plain JSON data: it is stored
 * with the call, and a live call follows it even if the schedule changes meanwhile.
 */
export interface CallPlan {
  readonly hotline: {
    readonly id: Id;
    readonly accountId: Id;
    readonly name: string;
    /** E.164 */
    readonly number: string;
    /** BCP-47 language of spoken prompts. */
    readonly language: string;
  };
  readonly at: Instant;
  /** The slot and overrides that put the on-call levels there. */
  readonly slotId: Id | null;
  readonly overrideIds: readonly Id[];
  /** Played to the caller before the first ring. */
  readonly greeting: Prompt | null;
  readonly requireAnswerConfirmation: boolean;
  readonly callerIdMode: CallerIdMode;
  /** On-call numbers, then the no-answer scenario; always ends with exactly one voicemail or message step. */
  readonly steps: readonly CallStep[];
  /** How the call reached this hotline (number dialled, rule, menu key, keyed value); absent on plans made before F25. */
  readonly route?: CallRoute;
}

/**
 * Round-robin counters of the `balanced` levels, by level number: the level's people start at
 * `counter % count`. A level left out starts at its first person.
 */
export type LevelRotation = Readonly<Record<number, number>>;

/** Who is called, and when: a hotline, who is on duty, the people directory, the instant. */
export interface CallPlanRequest {
  readonly hotline: Hotline;
  readonly onCall: OnCall;
  readonly directory: Directory;
  readonly at: Instant;
  /** @defaultValue every balanced level starts at its first person */
  readonly rotation?: LevelRotation;
}

/** As {@link CallPlanRequest}, with the schedule asked who is on duty at `at`. */
export interface PlanCallRequest {
  readonly hotline: Hotline;
  readonly schedule: OnCallSource;
  readonly directory: Directory;
  readonly at: Instant;
  readonly rotation?: LevelRotation;
}

/**
 * The plan for a call reaching `hotline` at `at` while `onCall` is on duty. Each level's people are
 * rung by the level's strategy (a team expands to its members): in order; `balanced`, in order from
 * the person `rotation` names (counted among the people the level can ring); `all-at-once`, as one
 * group. Each person is rung through their enabled numbers in order; then the hotline's no-answer
 * scenario. A number already in the plan is not added again; ids the directory does not know are skipped.
 */
export function callPlan({ hotline, onCall, directory, at, rotation = {} }: CallPlanRequest): CallPlan {
  assertInstant(at, 'at');
  const steps: CallStep[] = [];
  const planned = new Set<string>();
  const ringable = (person: Person) =>
    person.contactNumbers.filter((contact) => contact.enabled && !planned.has(contact.number.e164));
  const ring = (person: Person, rung: Pick<DialStep, 'via' | 'level' | 'teamId' | 'group'>) => {
    for (const contact of ringable(person)) {
      planned.add(contact.number.e164);
      steps.push({
        kind: 'dial',
        number: contact.number.e164,
        label: contact.label,
        ringTimeoutSeconds: contact.ringTimeout.seconds,
        personId: person.id,
        personName: person.name,
        maxSimultaneousCalls: person.maxSimultaneousCalls,
        ...rung,
      });
    }
  };

  onCall.levels.forEach((ref: AssigneeRef, level) => {
    const teamId = ref.kind === 'team' ? ref.id : null;
    const strategy = strategyOfLevel(hotline.levelStrategies, level);
    const people = membersOf(directory, ref).filter((person) => ringable(person).length > 0);
    const first = strategy === 'balanced' && people.length > 0 ? rotationStart(rotation[level], people.length) : 0;
    const group = strategy === 'all-at-once' ? { group: level } : {};
    for (const person of [...people.slice(first), ...people.slice(0, first)]) {
      ring(person, { via: 'on-call', level, teamId, ...group });
    }
  });
  for (const step of hotline.scenario) {
    if (step.kind === 'supervisors') {
      for (const id of hotline.supervisorIds) {
        const supervisor = directory.person(id);
        if (supervisor) ring(supervisor, { via: 'supervisor', level: null, teamId: null });
      }
    } else if (step.kind === 'voicemail') {
      steps.push({ kind: 'voicemail', greeting: step.greeting });
    } else {
      steps.push({ kind: 'message', message: step.message });
    }
  }

  return {
    hotline: {
      id: hotline.id,
      accountId: hotline.accountId,
      name: hotline.name,
      number: hotline.number.e164,
      language: hotline.language,
    },
    at,
    slotId: onCall.slotId,
    overrideIds: [...onCall.overrideIds],
    greeting: hotline.greeting,
    requireAnswerConfirmation: hotline.requireAnswerConfirmation,
    callerIdMode: hotline.callerIdMode,
    steps,
  };
}

/** The plan for a call at `at`, asking `schedule` who is on duty then (F9). */
export function planCall({ hotline, schedule, directory, at, rotation }: PlanCallRequest): CallPlan {
  return callPlan({ hotline, onCall: schedule.onCallAt(assertInstant(at, 'at')), directory, at, rotation });
}

/** The index of the first person of `count` for a rotation counter (any whole number; others count as 0). */
function rotationStart(counter: number | undefined, count: number): number {
  if (counter === undefined || !Number.isSafeInteger(counter)) return 0;
  return ((counter % count) + count) % count;
}
