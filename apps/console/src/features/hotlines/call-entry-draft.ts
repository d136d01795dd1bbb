import type { CallEntryFieldsFragment, EntryTargetInput, UpdateCallEntryInput, Weekday } from '../../gql/graphql';
import { WEEKDAYS, emptyPrompt, newKey, promptDraft, promptInput, type PromptDraft, type WindowDraft } from './draft';

/** A target as a select's value: `LINE`, `FRONT` (rules only) or `HOTLINE:<id>`. */
export type TargetValue = string;

export interface RuleDraft {
  readonly key: string;
  /** E.164, or '' for any number dialled. */
  readonly dialled: string;
  readonly anyTime: boolean;
  readonly windows: WindowDraft[];
  readonly target: TargetValue;
}

export interface ChoiceDraft {
  readonly key: string;
  readonly digit: string;
  readonly label: string;
  readonly target: TargetValue;
}

export interface MatchDraft {
  readonly key: string;
  readonly mode: 'prefix' | 'range';
  readonly prefix: string;
  readonly from: string;
  readonly to: string;
  readonly target: TargetValue;
}

export interface FrontDraft {
  readonly kind: 'NONE' | 'MENU' | 'KEYED';
  readonly prompt: PromptDraft;
  readonly choices: ChoiceDraft[];
  readonly maxDigits: number | string;
  readonly matches: MatchDraft[];
  readonly defaultTarget: TargetValue;
  readonly timeoutSeconds: number | string;
}

/** How calls enter the hotline, as the "Menu and routing" section edits it. */
export interface CallEntryDraft {
  readonly extraNumbers: { readonly key: string; readonly number: string }[];
  readonly rules: RuleDraft[];
  readonly front: FrontDraft;
}

type Target = { kind: string; hotlineId?: string | null };
const targetValue = (target: Target): TargetValue =>
  target.kind === 'HOTLINE' ? `HOTLINE:${target.hotlineId ?? ''}` : target.kind;

export function targetInput(value: TargetValue): EntryTargetInput {
  if (value.startsWith('HOTLINE:')) return { kind: 'HOTLINE', hotlineId: value.slice('HOTLINE:'.length) };
  return { kind: value === 'FRONT' ? 'FRONT' : 'LINE' };
}

export const newChoice = (digit: string): ChoiceDraft => ({ key: newKey(), digit, label: '', target: 'LINE' });
export const newMatch = (): MatchDraft => ({
  key: newKey(),
  mode: 'prefix',
  prefix: '',
  from: '',
  to: '',
  target: 'LINE',
});
export const newRule = (): RuleDraft => ({ key: newKey(), dialled: '', anyTime: true, windows: [], target: 'LINE' });

export function callEntryDraft(entry: CallEntryFieldsFragment): CallEntryDraft {
  const front = entry.front;
  return {
    extraNumbers: entry.extraNumbers.map((number) => ({ key: newKey(), number })),
    rules: entry.rules.map((rule) => ({
      key: newKey(),
      dialled: rule.dialled ?? '',
      anyTime: !rule.hours,
      windows: (rule.hours ?? []).map((w) => ({ key: newKey(), days: [...w.days], start: w.start, end: w.end })),
      target: targetValue(rule.target),
    })),
    front: {
      kind: front?.kind ?? 'NONE',
      prompt: front ? promptDraft(front.prompt) : emptyPrompt('text'),
      choices: (front?.choices ?? []).map((c) => ({
        key: newKey(),
        digit: c.key,
        label: c.label,
        target: targetValue(c.target),
      })),
      maxDigits: front?.kind === 'KEYED' ? front.maxDigits : 5,
      matches: (front?.matches ?? []).map((m) => ({
        key: newKey(),
        mode: m.prefix !== null && m.prefix !== undefined ? 'prefix' : 'range',
        prefix: m.prefix ?? '',
        from: m.from ?? '',
        to: m.to ?? '',
        target: targetValue(m.target),
      })),
      defaultTarget: front ? targetValue(front.defaultTarget) : 'LINE',
      timeoutSeconds: front?.timeoutSeconds ?? 5,
    },
  };
}

/** An empty number field is sent as 0, so the server's refusal names it. */
const whole = (value: number | string): number => (value === '' ? 0 : Number(value));
const days = (selected: readonly Weekday[]) => WEEKDAYS.filter((d) => selected.includes(d));

function frontInput(front: FrontDraft): UpdateCallEntryInput['front'] {
  if (front.kind === 'NONE') return null;
  const common = {
    kind: front.kind,
    prompt: promptInput(front.prompt) ?? { text: '' },
    defaultTarget: targetInput(front.defaultTarget),
    timeoutSeconds: whole(front.timeoutSeconds),
  };
  if (front.kind === 'MENU')
    return {
      ...common,
      choices: front.choices.map((c) => ({
        key: c.digit.trim(),
        label: c.label.trim(),
        target: targetInput(c.target),
      })),
    };
  return {
    ...common,
    maxDigits: whole(front.maxDigits),
    matches: front.matches.map((m) =>
      m.mode === 'prefix'
        ? { prefix: m.prefix.trim(), target: targetInput(m.target) }
        : { from: m.from.trim(), to: m.to.trim(), target: targetInput(m.target) },
    ),
  };
}

export function callEntryInput(hotlineId: string, draft: CallEntryDraft): UpdateCallEntryInput {
  return {
    hotlineId,
    extraNumbers: draft.extraNumbers.map((n) => n.number.trim()),
    rules: draft.rules.map((rule) => ({
      dialled: rule.dialled || null,
      hours: rule.anyTime
        ? null
        : { windows: rule.windows.map((w) => ({ days: days(w.days), start: w.start, end: w.end })) },
      target: targetInput(rule.target),
    })),
    front: frontInput(draft.front),
  };
}
