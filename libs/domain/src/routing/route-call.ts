import { Prompt } from '../directory/prompt';
import { expandServiceHours } from '../coverage/service-hours-expansion';
import { Id, Instant, TimeZone, assertInstant } from '../shared';
import { CallEntry, EntryFront, EntryRule, EntryTarget } from './call-entry';

/** How a call reached the hotline whose plan it follows; kept with the plan and shown by the call log. */
export interface CallRoute {
  /** E.164 of the number the caller dialled. */
  readonly dialled: string;
  /** The hotline whose entry chose the way (the one owning the dialled number). */
  readonly entryHotlineId: Id;
  /** `direct`: no rule, no front; `default`: the front's default after no or wrong keys. */
  readonly via: 'direct' | 'rule' | 'menu' | 'keyed' | 'default';
  /** The menu key that chose the line. */
  readonly key?: string;
  /** The value the caller keyed (also kept when it matched nothing). */
  readonly keyed?: string;
  /** The rule that matched (0 = first). */
  readonly ruleIndex?: number;
}

/** Ask the caller for keys; `stage` comes back with them (`routeCall`'s `keys.stage`). */
export interface AskStep {
  readonly kind: 'ask';
  readonly stage: string;
  readonly prompt: Prompt;
  readonly maxDigits: number;
  readonly timeoutSeconds: number;
  /** A keyed number ends with '#' as well as at `maxDigits`. */
  readonly submitOnHash: boolean;
}

/** Plan the call for `hotlineId`'s schedule (the entry's own hotline or another of its account). */
export interface RouteStep {
  readonly kind: 'route';
  readonly hotlineId: Id;
  readonly route: CallRoute;
}

export type EntryStep = AskStep | RouteStep;

/** What the caller keyed at a stage: `digits` null or empty when they keyed nothing in time. */
export interface EntryKeys {
  readonly stage: string;
  readonly digits: string | null;
}

export interface RouteCallRequest {
  readonly entry: CallEntry;
  /** E.164 of the number dialled. */
  readonly dialled: string;
  readonly at: Instant;
  /** The entry hotline's zone, in which rules' hours are read. */
  readonly zone: TimeZone;
  /** Absent on answer; the keys of an `ask` step afterwards. */
  readonly keys?: EntryKeys;
}

/** How many times the front is played before its default applies. */
const FRONT_ATTEMPTS = 2;
const STAGE = /^front:([1-9])$/;

/**
 * The next step of a call entering `entry`'s hotline (F25). On answer: the first matching rule
 * (number dialled, period in `zone`), else the front when there is one, else the line. With keys:
 * the menu choice or the keyed value's first prefix or range match; none (or nothing keyed) asks
 * once more, then takes the front's default. A stage it cannot read (the entry changed meanwhile)
 * takes the default at once, so a caller is never asked forever.
 */
export function routeCall({ entry, dialled, at, zone, keys }: RouteCallRequest): EntryStep {
  assertInstant(at, 'at');
  const base = { dialled, entryHotlineId: entry.hotlineId };
  const to = (target: EntryTarget, route: Omit<CallRoute, 'dialled' | 'entryHotlineId'>): RouteStep => ({
    kind: 'route',
    hotlineId: target.kind === 'hotline' ? target.hotlineId : entry.hotlineId,
    route: { ...base, ...route },
  });
  const front = entry.front;

  if (keys) {
    if (!front) return to({ kind: 'line' }, { via: 'default' });
    const attempt = Number(STAGE.exec(keys.stage)?.[1] ?? FRONT_ATTEMPTS);
    const digits = (keys.digits ?? '').replace(/[^0-9]/g, '');
    const chosen = choose(front, digits);
    if (chosen)
      return to(chosen, front.kind === 'menu' ? { via: 'menu', key: digits } : { via: 'keyed', keyed: digits });
    if (attempt < FRONT_ATTEMPTS) return ask(front, attempt + 1);
    const keyed = digits === '' ? {} : front.kind === 'menu' ? { key: digits } : { keyed: digits };
    return to(front.defaultTarget, { via: 'default', ...keyed });
  }

  const ruleIndex = entry.rules.findIndex((rule) => matches(rule, { dialled, at, zone }));
  if (ruleIndex >= 0) {
    const target = entry.rules[ruleIndex].target;
    if (target.kind !== 'front') return to(target, { via: 'rule', ruleIndex });
    if (front) return ask(front, 1);
    return to({ kind: 'line' }, { via: 'rule', ruleIndex });
  }
  return front ? ask(front, 1) : to({ kind: 'line' }, { via: 'direct' });
}

function ask(front: EntryFront, attempt: number): AskStep {
  return {
    kind: 'ask',
    stage: `front:${attempt}`,
    prompt: front.prompt,
    maxDigits: front.kind === 'menu' ? 1 : front.maxDigits,
    timeoutSeconds: front.timeoutSeconds,
    submitOnHash: front.kind === 'keyed',
  };
}

function choose(front: EntryFront, digits: string): EntryTarget | undefined {
  if (digits === '') return undefined;
  if (front.kind === 'menu') return front.choices.find((choice) => choice.key === digits)?.target;
  if (digits.length > front.maxDigits) return undefined;
  const value = Number(digits);
  return front.matches.find((m) =>
    m.kind === 'prefix'
      ? digits.startsWith(m.prefix)
      : digits.length >= m.from.length && value >= Number(m.from) && value <= Number(m.to),
  )?.target;
}

function matches(rule: EntryRule, { dialled, at, zone }: { dialled: string; at: Instant; zone: TimeZone }): boolean {
  if (rule.dialled && rule.dialled.e164 !== dialled) return false;
  return !rule.hours || expandServiceHours(rule.hours, zone, { start: at, end: at + 1 }).length > 0;
}
