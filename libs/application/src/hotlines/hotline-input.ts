import {
  Hotline,
  HotlineInput,
  NoAnswerStep,
  NoAnswerStepInput,
  Prompt,
  PromptInput,
  ServiceHours,
  WeeklyWindowInput,
} from '@dutyline/domain';

/** A prompt back in the form the domain builds it from. */
export const promptInput = (p: Prompt): PromptInput =>
  p.kind === 'text' ? { text: p.text, language: p.language } : { audioUrl: p.url };

export function scenarioInput(steps: readonly NoAnswerStep[]): NoAnswerStepInput[] {
  return steps.map((step) => {
    switch (step.kind) {
      case 'supervisors':
        return { kind: 'supervisors' };
      case 'voicemail':
        return { kind: 'voicemail', greeting: step.greeting ? promptInput(step.greeting) : null };
      case 'message':
        return { kind: 'message', message: promptInput(step.message) };
    }
  });
}

export function serviceHoursInput(hours: ServiceHours): { always: true } | { windows: WeeklyWindowInput[] } {
  if (hours.kind === 'always') return { always: true };
  return {
    windows: hours.windows.map((w) => ({ days: w.days.names, start: w.start.toString(), end: w.end.toString() })),
  };
}

/** A stored hotline back in the form `hotline()` validates, so a change can be re-validated whole. */
export function hotlineInput(h: Hotline): HotlineInput {
  return {
    id: h.id,
    accountId: h.accountId,
    name: h.name,
    number: h.number.e164,
    timeZone: h.timeZone.name,
    language: h.language,
    supervisorIds: h.supervisorIds,
    serviceHours: serviceHoursInput(h.serviceHours),
    scenario: scenarioInput(h.scenario),
    greeting: h.greeting ? promptInput(h.greeting) : null,
    requireAnswerConfirmation: h.requireAnswerConfirmation,
    callerIdMode: h.callerIdMode,
    levelStrategies: h.levelStrategies,
  };
}
