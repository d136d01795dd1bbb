export { InMemoryDutyline, aCaller } from './in-memory-dutyline';
export { seedSampleDirectory, type SampleDirectory } from './sample-directory';
export { refusalOf, valueOf } from './spec-helpers';
export { inboundCallRig, type InboundCallRig, type InboundCallRigOptions } from '../calls/testing';
export { aVoicemailCall } from '../notifications/testing';
export { InMemoryCallEntryRepository } from '../call-entries/testing';
