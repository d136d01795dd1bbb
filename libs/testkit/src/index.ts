export type { CarrierHarness, HarnessCall, NetworkEvent, NetworkReply } from './network';
export { CONTRACT_HOTLINE_NAME, CONTRACT_NUMBERS } from './contract-world';
export { carrierContract, type CarrierAbilities, type CarrierRig, type HarnessFactory } from './carrier-contract';
