import {
  Hotline,
  NoAnswerScenario,
  NoAnswerStepInput,
  Prompt,
  PromptInput,
  ServiceHours,
  WeeklyWindowInput,
  hotline,
} from '@dutyline/domain';
import { HotlineRow, HotlineSupervisorRow } from '../entities';
import { sortKey } from '../support/sort-key';
import { byPosition } from './positions';

/*
 * Service hours, the scenario and the greeting are stored as JSON in the very shape the domain's
 * constructors take as input, so reading a hotline back validates it like any other input.
 */

type ServiceHoursJson = { always: true } | { windows: WeeklyWindowInput[] };

const promptJson = (p: Prompt): PromptInput =>
  p.kind === 'text' ? { text: p.text, language: p.language } : { audioUrl: p.url };

const serviceHoursJson = (hours: ServiceHours): ServiceHoursJson =>
  hours.kind === 'always'
    ? { always: true }
    : { windows: hours.windows.map((w) => ({ days: w.days.names, start: w.start.toString(), end: w.end.toString() })) };

const scenarioJson = (scenario: NoAnswerScenario): NoAnswerStepInput[] =>
  scenario.map((step) => {
    switch (step.kind) {
      case 'supervisors':
        return { kind: step.kind };
      case 'voicemail':
        return { kind: step.kind, greeting: step.greeting ? promptJson(step.greeting) : null };
      case 'message':
        return { kind: step.kind, message: promptJson(step.message) };
    }
  });

export function hotlineToRows(h: Hotline): { row: HotlineRow; supervisors: HotlineSupervisorRow[] } {
  return {
    row: {
      accountId: h.accountId,
      id: h.id,
      name: h.name,
      sortName: sortKey(h.name),
      number: h.number.e164,
      timeZone: h.timeZone.name,
      language: h.language,
      serviceHours: JSON.stringify(serviceHoursJson(h.serviceHours)),
      scenario: JSON.stringify(scenarioJson(h.scenario)),
      greeting: h.greeting ? JSON.stringify(promptJson(h.greeting)) : null,
      requireAnswerConfirmation: h.requireAnswerConfirmation,
      callerIdMode: h.callerIdMode,
      levelStrategies: JSON.stringify(h.levelStrategies),
    },
    supervisors: h.supervisorIds.map((personId, position) => ({
      accountId: h.accountId,
      hotlineId: h.id,
      position,
      personId,
    })),
  };
}

export function hotlineFromRows(row: HotlineRow, supervisors: readonly HotlineSupervisorRow[]): Hotline {
  return hotline({
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    number: row.number,
    timeZone: row.timeZone,
    language: row.language,
    supervisorIds: byPosition(supervisors).map((s) => s.personId),
    serviceHours: JSON.parse(row.serviceHours) as ServiceHoursJson,
    scenario: JSON.parse(row.scenario) as NoAnswerStepInput[],
    greeting: row.greeting ? (JSON.parse(row.greeting) as PromptInput) : null,
    requireAnswerConfirmation: Boolean(row.requireAnswerConfirmation),
    callerIdMode: row.callerIdMode,
    levelStrategies: row.levelStrategies ? (JSON.parse(row.levelStrategies) as string[]) : [],
  });
}
