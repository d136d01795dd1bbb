export { SipRoutingProxy, type SipProxyDependencies } from './sip-routing-proxy';
export { resolveSipProxySettings, type ResolvedSipProxySettings, type SipProxySettings } from './sip-proxy.settings';
export { type SipTimerSettings } from './sip-transaction-base';
export { callIdOf, cseqOf, type SipAddress, type SipMessage, type SipRequest, type SipResponse } from './sip-message';
export { numberOf, parseNameAddress, parseUri, type NameAddress, type SipUri } from './sip-uri';
