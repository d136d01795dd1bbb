import type {
  CallerIdMode,
  HotlineSettingsFieldsFragment,
  NoAnswerStepKind,
  PromptInput,
  RingingStrategy,
  UpdateHotlineInput,
  Weekday,
} from '../../gql/graphql';

type Hotline = HotlineSettingsFieldsFragment;
type Prompt = NonNullable<Hotline['greeting']>;

/** A prompt as edited: none, a text (with its language), or an audio URL. */
export interface PromptDraft {
  readonly mode: 'none' | 'text' | 'audio';
  readonly text: string;
  readonly language: string;
  readonly audioUrl: string;
}

export interface StepDraft {
  /** Stable while the step moves. */
  readonly key: string;
  readonly kind: NoAnswerStepKind;
  /** VOICEMAIL: the greeting (optional); MESSAGE: the message (required). */
  readonly prompt: PromptDraft;
}

export interface WindowDraft {
  readonly key: string;
  readonly days: Weekday[];
  readonly start: string;
  readonly end: string;
}

export interface Supervisor {
  readonly id: string;
  readonly name: string;
  readonly colour: string;
}

/** Every field of UpdateHotlineInput, as the settings form edits it. */
export interface HotlineDraft {
  readonly name: string;
  readonly number: string;
  readonly timeZone: string;
  readonly language: string;
  readonly callerIdMode: CallerIdMode;
  readonly requireAnswerConfirmation: boolean;
  /** One per level shown (index 0 = level 1); at least {@link SHOWN_LEVELS}. */
  readonly levelStrategies: RingingStrategy[];
  readonly greeting: PromptDraft;
  readonly supervisors: Supervisor[];
  readonly scenario: StepDraft[];
  readonly alwaysOpen: boolean;
  readonly windows: WindowDraft[];
}

/** Levels the ringing section shows at least; levels past the saved list ring in order. */
export const SHOWN_LEVELS = 3;

export function strategiesDraft(saved: readonly RingingStrategy[]): RingingStrategy[] {
  const shown = Math.max(SHOWN_LEVELS, saved.length);
  return Array.from({ length: shown }, (_, level) => saved[level] ?? 'IN_ORDER');
}

/** The list to save: trailing IN_ORDER levels left out (levels past the list ring in order). */
export function strategiesInput(draft: readonly RingingStrategy[]): RingingStrategy[] {
  let end = draft.length;
  while (end > 0 && draft[end - 1] === 'IN_ORDER') end--;
  return draft.slice(0, end);
}

export const WEEKDAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

let keys = 0;
export const newKey = (): string => `k${++keys}`;

export const emptyPrompt = (mode: PromptDraft['mode'] = 'none'): PromptDraft => ({
  mode,
  text: '',
  language: '',
  audioUrl: '',
});

export function promptDraft(prompt: Prompt | null | undefined): PromptDraft {
  if (!prompt) return emptyPrompt();
  return prompt.kind === 'AUDIO'
    ? { ...emptyPrompt('audio'), audioUrl: prompt.audioUrl ?? '' }
    : { ...emptyPrompt('text'), text: prompt.text ?? '', language: prompt.language ?? '' };
}

export function promptInput(draft: PromptDraft): PromptInput | null {
  if (draft.mode === 'none') return null;
  if (draft.mode === 'audio') return { audioUrl: draft.audioUrl.trim() };
  return { text: draft.text, language: draft.language.trim() || undefined };
}

export function hotlineDraft(hotline: Hotline): HotlineDraft {
  return {
    name: hotline.name,
    number: hotline.number,
    timeZone: hotline.timeZone,
    language: hotline.language,
    callerIdMode: hotline.callerIdMode,
    requireAnswerConfirmation: hotline.requireAnswerConfirmation,
    levelStrategies: strategiesDraft(hotline.levelStrategies),
    greeting: promptDraft(hotline.greeting),
    supervisors: hotline.supervisors.map(({ id, name, colour }) => ({ id, name, colour })),
    scenario: hotline.scenario.map((step) => ({
      key: newKey(),
      kind: step.kind,
      prompt: promptDraft(step.kind === 'MESSAGE' ? step.message : step.greeting),
    })),
    alwaysOpen: hotline.serviceHours.always,
    windows: hotline.serviceHours.windows.map((w) => ({
      key: newKey(),
      days: [...w.days],
      start: w.start,
      end: w.end,
    })),
  };
}

export function updateInput(id: string, draft: HotlineDraft): UpdateHotlineInput {
  return {
    id,
    name: draft.name.trim(),
    number: draft.number.trim(),
    timeZone: draft.timeZone,
    language: draft.language.trim(),
    callerIdMode: draft.callerIdMode,
    requireAnswerConfirmation: draft.requireAnswerConfirmation,
    levelStrategies: strategiesInput(draft.levelStrategies),
    greeting: promptInput(draft.greeting),
    supervisorIds: draft.supervisors.map((s) => s.id),
    scenario: draft.scenario.map((step) =>
      step.kind === 'MESSAGE'
        ? { kind: step.kind, message: promptInput(step.prompt) }
        : step.kind === 'VOICEMAIL'
          ? { kind: step.kind, greeting: promptInput(step.prompt) }
          : { kind: step.kind },
    ),
    serviceHours: draft.alwaysOpen
      ? { always: true }
      : {
          always: false,
          windows: draft.windows.map((w) => ({
            days: WEEKDAYS.filter((d) => w.days.includes(d)),
            start: w.start,
            end: w.end,
          })),
        },
  };
}
