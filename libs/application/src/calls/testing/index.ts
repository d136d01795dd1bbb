export { Outage, ServiceUnavailableError, type OutageMode } from './outage';
export { InMemoryCallStore } from './in-memory-call-store';
export { InMemoryHotlineLookup } from './in-memory-hotline-lookup';
export { InMemoryCallEntries } from './in-memory-call-entries';
export { FakeCallPlanner } from './fake-call-planner';
export { RecordingCallEvents } from './recording-call-events';
export { RecordingCallLogger } from './recording-call-logger';
export { nextTurnTimer } from './next-turn-timer';
export {
  inboundCallRig,
  type InboundCallRig,
  type InboundCallRigOptions,
  type InboundCallWorld,
} from './inbound-call-rig';
export { CALLER, HOTLINE_NUMBER, at, boilerRoomRig } from './boiler-room';
