import { token } from '../platform/injection-token';
import type { GatewayShiftAlerts } from './gateway-shift-alerts';

/** The shift-start alerts (F27): services, and the embedded jobs. */
export const GATEWAY_SHIFT_ALERTS = token<GatewayShiftAlerts>('GatewayShiftAlerts');
