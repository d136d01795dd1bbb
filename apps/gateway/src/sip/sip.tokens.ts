import type { SipRoutingProxy } from '@dutyline/sip';
import { token } from '../platform/injection-token';

/** The SIP proxy, or null when SIP_TARGET_URI is unset (no SIP). */
export const SIP_PROXY = token<SipRoutingProxy | null>('SipRoutingProxy');
