export type { CarrierHarness, HarnessCall, NetworkEvent, NetworkReply } from './network';
export { CONTRACT_HOTLINE_NAME, CONTRACT_NUMBERS } from './contract-world';
export { carrierContract, type CarrierRig, type HarnessFactory } from './carrier-contract';
