export { SipPeer, answerTo, isResponseTo, requestFrom, settled, type Received } from './sip-peer';
export {
  SCENARIOS,
  SippFleet,
  SippProcess,
  expectSuccess,
  freeUdpPorts,
  type SippOptions,
  type SippResult,
} from './sipp';
