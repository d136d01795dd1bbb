export { type AssigneeRef, assigneeRef, sameAssignee, assigneeList } from './assignee';
export {
  type ContactNumber,
  type Person,
  type ContactNumberInput,
  MAX_CONTACT_NUMBERS,
  DEFAULT_MAX_SIMULTANEOUS_CALLS,
  MAX_SIMULTANEOUS_CALLS,
  maxSimultaneousCalls,
  contactNumber,
  contactNumbers,
  type PersonInput,
  person,
  isReachable,
  reorderContactNumbers,
  setContactNumberEnabled,
} from './person';
export { type Team, type TeamInput, team, type Directory, directoryOf, membersOf, assigneeIsReachable } from './team';
export { type Prompt, type PromptInput, prompt } from './prompt';
export { type WeeklyWindow, type ServiceHours, ALWAYS, type WeeklyWindowInput, serviceHours } from './service-hours';
export {
  type NoAnswerStep,
  type NoAnswerScenario,
  type NoAnswerStepInput,
  noAnswerScenario,
  DEFAULT_SCENARIO,
} from './no-answer-scenario';
export { type CallerIdMode, type Hotline, type HotlineInput, hotline } from './hotline';
export {
  type RingingStrategy,
  RINGING_STRATEGIES,
  levelStrategies,
  strategyOfLevel,
  balancedLevels,
} from './ringing-strategy';
export {
  type CallbackOfferPoint,
  CALLBACK_OFFER_POINTS,
  type CallbackOffer,
  type CallbackOfferInput,
  callbackOffer,
} from './callback-offer';
export { type PersonRepository } from './person-repository.port';
export { type TeamRepository } from './team-repository.port';
export { type HotlineRepository } from './hotline-repository.port';
