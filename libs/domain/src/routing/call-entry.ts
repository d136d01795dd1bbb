import { Prompt, PromptInput, prompt } from '../directory/prompt';
import { ServiceHours, WeeklyWindowInput, serviceHours } from '../directory/service-hours';
import { Id, PhoneNumber, assertId, invalid, requireText, validatingUnder } from '../shared';

/** Where an entry sends a call: this hotline's own schedule, or another hotline of the account (one hop). */
export type EntryTarget = { readonly kind: 'line' } | { readonly kind: 'hotline'; readonly hotlineId: Id };

/** A rule may also send the caller to the hotline's front (its menu, or the number to key). */
export type RuleTarget = EntryTarget | { readonly kind: 'front' };

/**
 * Chooses the target by the number dialled and/or the period (weekly windows in the hotline's zone);
 * a rule naming neither matches every call. The first matching rule wins.
 */
export interface EntryRule {
  readonly dialled: PhoneNumber | null;
  readonly hours: Extract<ServiceHours, { kind: 'weekly' }> | null;
  readonly target: RuleTarget;
}

export interface MenuChoice {
  /** '0' … '9' */
  readonly key: string;
  readonly label: string;
  readonly target: EntryTarget;
}

/** "Press 1 for heating, 2 for lifts": no key or a wrong key plays the prompt once more, then the default. */
export interface Menu {
  readonly kind: 'menu';
  readonly prompt: Prompt;
  readonly choices: readonly MenuChoice[];
  readonly defaultTarget: EntryTarget;
  readonly timeoutSeconds: number;
}

/** A keyed value matching `prefix`, or lying in `[from, to]` read as numbers. */
export type KeyedMatch =
  | { readonly kind: 'prefix'; readonly prefix: string; readonly target: EntryTarget }
  | { readonly kind: 'range'; readonly from: string; readonly to: string; readonly target: EntryTarget };

/** The caller keys a number (postcode, contract number); the first match wins; an unknown value gets one retry. */
export interface KeyedNumber {
  readonly kind: 'keyed';
  readonly prompt: Prompt;
  readonly maxDigits: number;
  readonly matches: readonly KeyedMatch[];
  readonly defaultTarget: EntryTarget;
  readonly timeoutSeconds: number;
}

export type EntryFront = Menu | KeyedNumber;

/**
 * How calls enter a hotline (F25): more public numbers leading to it, rules by number dialled and
 * period, and an optional front (menu or keyed number). No rule matching: the front if set, else the line.
 */
export interface CallEntry {
  readonly hotlineId: Id;
  /** Unique across all hotlines' numbers and entries (checked where they are stored). */
  readonly extraNumbers: readonly PhoneNumber[];
  readonly rules: readonly EntryRule[];
  readonly front: EntryFront | null;
}

export interface EntryTargetInput {
  kind: string;
  hotlineId?: string | null;
}

export interface EntryRuleInput {
  dialled?: string | null;
  hours?: { windows: readonly WeeklyWindowInput[] } | null;
  target: EntryTargetInput;
}

export interface MenuInput {
  kind: 'menu';
  prompt: PromptInput;
  choices: readonly { key: string; label: string; target: EntryTargetInput }[];
  defaultTarget: EntryTargetInput;
  timeoutSeconds?: number | null;
}

export interface KeyedNumberInput {
  kind: 'keyed';
  prompt: PromptInput;
  maxDigits: number;
  matches: readonly { prefix?: string | null; from?: string | null; to?: string | null; target: EntryTargetInput }[];
  defaultTarget: EntryTargetInput;
  timeoutSeconds?: number | null;
}

export interface CallEntryInput {
  hotlineId: string;
  extraNumbers?: readonly string[];
  rules?: readonly EntryRuleInput[];
  front?: MenuInput | KeyedNumberInput | null;
}

/** @defaultValue seconds the caller has to press a key */
export const DEFAULT_GATHER_TIMEOUT_SECONDS = 5;
/** Vonage waits at most 10 s for a key after the last one (its `input` limit). */
const MAX_GATHER_TIMEOUT_SECONDS = 10;
const MAX_KEYED_DIGITS = 20;
const MAX_RULES = 50;
const MAX_MATCHES = 500;

/** The entry with nothing in it: every call goes to the hotline's own line. */
export const directEntry = (hotlineId: Id): CallEntry => ({ hotlineId, extraNumbers: [], rules: [], front: null });

/**
 * Validates an entry; errors name the field (`rules[1].hours.windows[0].start`, `front.choices[2].key`,
 * `extraNumbers[0]`). `language` is the hotline's, for text prompts that name none.
 */
export function callEntry(input: CallEntryInput, language = 'en-GB'): CallEntry {
  const hotlineId = assertId(input.hotlineId, 'hotlineId');
  const extraNumbers = (input.extraNumbers ?? []).map((n, i) => PhoneNumber.fromE164(n, `extraNumbers[${i}]`));
  extraNumbers.forEach((n, i) => {
    if (extraNumbers.findIndex((m) => m.e164 === n.e164) !== i)
      invalid('DUPLICATE_NUMBER', `extraNumbers[${i}]`, `${n.e164} is already in the list`);
  });
  const front = input.front ? validatingUnder('front', () => entryFront(input.front!, { hotlineId, language })) : null;
  const rulesInput = input.rules ?? [];
  if (rulesInput.length > MAX_RULES) invalid('TOO_MANY', 'rules', `at most ${MAX_RULES} rules`);
  const rules = rulesInput.map((rule, i) =>
    validatingUnder(`rules[${i}]`, () => entryRule(rule, { hotlineId, front })),
  );
  return { hotlineId, extraNumbers, rules, front };
}

function entryRule(input: EntryRuleInput, { hotlineId, front }: { hotlineId: Id; front: EntryFront | null }) {
  const dialled = input.dialled ? PhoneNumber.fromE164(input.dialled, 'dialled') : null;
  let hours: EntryRule['hours'] = null;
  if (input.hours) {
    const parsed = serviceHours({ windows: input.hours.windows }, 'hours');
    if (parsed.kind === 'weekly') hours = parsed;
  }
  let target: RuleTarget;
  if (input.target?.kind === 'front') {
    if (!front) invalid('NO_FRONT', 'target.kind', 'this hotline has no menu or keyed number to send the call to');
    target = { kind: 'front' };
  } else {
    target = validatingUnder('target', () => entryTarget(input.target, hotlineId));
  }
  return { dialled, hours, target };
}

function entryFront(input: MenuInput | KeyedNumberInput, { hotlineId, language }: { hotlineId: Id; language: string }) {
  const spoken = prompt(input.prompt, 'prompt', language);
  const timeoutSeconds = gatherTimeout(input.timeoutSeconds);
  const defaultTarget = validatingUnder('defaultTarget', () => entryTarget(input.defaultTarget, hotlineId));
  if (input.kind === 'menu') return menu(input, { spoken, timeoutSeconds, defaultTarget, hotlineId });
  if (input.kind !== 'keyed') invalid('INVALID_FRONT', 'kind', 'a front is a "menu" or a "keyed" number');
  return keyedNumber(input, { spoken, timeoutSeconds, defaultTarget, hotlineId });
}

interface FrontParts {
  spoken: Prompt;
  timeoutSeconds: number;
  defaultTarget: EntryTarget;
  hotlineId: Id;
}

function menu(input: MenuInput, { spoken, timeoutSeconds, defaultTarget, hotlineId }: FrontParts): Menu {
  const choicesInput = input.choices ?? [];
  if (choicesInput.length === 0) invalid('REQUIRED', 'choices', 'a menu needs at least one choice');
  const choices = choicesInput.map((choice, i) =>
    validatingUnder(`choices[${i}]`, () => {
      if (typeof choice.key !== 'string' || !/^[0-9]$/.test(choice.key))
        invalid('INVALID_KEY', 'key', `"${choice.key}" is not a key from 0 to 9`);
      if (choicesInput.findIndex((c) => c.key === choice.key) !== i)
        invalid('DUPLICATE_KEY', 'key', `key ${choice.key} already leads elsewhere`);
      const label = requireText(choice.label, 'label', 80);
      return { key: choice.key, label, target: validatingUnder('target', () => entryTarget(choice.target, hotlineId)) };
    }),
  );
  return { kind: 'menu', prompt: spoken, choices, defaultTarget, timeoutSeconds };
}

function keyedNumber(input: KeyedNumberInput, parts: FrontParts): KeyedNumber {
  const { spoken, timeoutSeconds, defaultTarget, hotlineId } = parts;
  const maxDigits = input.maxDigits;
  if (!Number.isInteger(maxDigits) || maxDigits < 1 || maxDigits > MAX_KEYED_DIGITS)
    invalid('INVALID_MAX_DIGITS', 'maxDigits', `give a whole number of digits from 1 to ${MAX_KEYED_DIGITS}`);
  const matchesInput = input.matches ?? [];
  if (matchesInput.length === 0) invalid('REQUIRED', 'matches', 'give at least one prefix or range');
  if (matchesInput.length > MAX_MATCHES) invalid('TOO_MANY', 'matches', `at most ${MAX_MATCHES} prefixes and ranges`);
  const digits = (value: string | null | undefined, field: string) => {
    if (typeof value !== 'string' || !new RegExp(`^[0-9]{1,${maxDigits}}$`).test(value))
      invalid('INVALID_DIGITS', field, `"${value}" is not 1 to ${maxDigits} digits`);
    return value;
  };
  const matches = matchesInput.map((match, i) =>
    validatingUnder(`matches[${i}]`, (): KeyedMatch => {
      const target = validatingUnder('target', () => entryTarget(match.target, hotlineId));
      if (match.prefix != null) {
        if (match.from != null || match.to != null)
          invalid('PREFIX_OR_RANGE', 'prefix', 'give a prefix or a range (from, to), not both');
        return { kind: 'prefix', prefix: digits(match.prefix, 'prefix'), target };
      }
      const from = digits(match.from, 'from');
      const to = digits(match.to, 'to');
      if (Number(to) < Number(from)) invalid('INVALID_RANGE', 'to', `${to} is below ${from}`);
      return { kind: 'range', from, to, target };
    }),
  );
  return { kind: 'keyed', prompt: spoken, maxDigits, matches, defaultTarget, timeoutSeconds };
}

function gatherTimeout(value: number | null | undefined): number {
  const seconds = value ?? DEFAULT_GATHER_TIMEOUT_SECONDS;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_GATHER_TIMEOUT_SECONDS)
    invalid('INVALID_TIMEOUT', 'timeoutSeconds', `give whole seconds from 1 to ${MAX_GATHER_TIMEOUT_SECONDS}`);
  return seconds;
}

function entryTarget(input: EntryTargetInput | undefined, hotlineId: Id): EntryTarget {
  if (input?.kind === 'line') return { kind: 'line' };
  if (input?.kind !== 'hotline') invalid('INVALID_TARGET', 'kind', 'a target is "line" or "hotline"');
  const id = assertId(input.hotlineId, 'hotlineId');
  if (id === hotlineId) invalid('SELF_TARGET', 'hotlineId', 'this hotline is the target "line"');
  return { kind: 'hotline', hotlineId: id };
}

/** Other hotlines the entry sends calls to: each must exist in the same account. */
export function entryTargetHotlines(entry: CallEntry): { readonly hotlineId: Id; readonly field: string }[] {
  const found: { hotlineId: Id; field: string }[] = [];
  const note = (target: RuleTarget, field: string) => {
    if (target.kind === 'hotline') found.push({ hotlineId: target.hotlineId, field: `${field}.hotlineId` });
  };
  entry.rules.forEach((rule, i) => note(rule.target, `rules[${i}].target`));
  const front = entry.front;
  if (front?.kind === 'menu') front.choices.forEach((c, i) => note(c.target, `front.choices[${i}].target`));
  if (front?.kind === 'keyed') front.matches.forEach((m, i) => note(m.target, `front.matches[${i}].target`));
  if (front) note(front.defaultTarget, 'front.defaultTarget');
  return found;
}
