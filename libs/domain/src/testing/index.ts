export { ManualClock } from './manual-clock';
export { SequentialIds } from './sequential-ids';
export { TEST_ACCOUNT, aPerson, aTeam, aHotline, personRef, teamRef, aSlot, anOverride } from './builders';
