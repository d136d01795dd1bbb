export { describeAction, networkActionsFor, type NetworkAction } from './network-action';
export {
  SimulatedCall,
  SimulatorLine,
  formatTranscript,
  type SimulatedCallStatus,
  type SimulatorLineOptions,
  type TranscriptLine,
} from './simulated-call';
export {
  CallSimulator,
  SCRIPTED_OUTCOMES,
  parseOutcomes,
  type ScriptedOutcome,
  type SimulationRequest,
  type SimulationResult,
} from './call-simulator';
export {
  SIMULATED_RECORDING_PREFIX,
  SimulatedCarrier,
  type SimulatedCarrierOptions,
  type SimulatedLeg,
  type SimulatedSms,
} from './simulated-carrier';
export { wavTone, type WavToneOptions } from './wav-tone';
