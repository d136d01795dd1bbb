import { Clock, IdGenerator } from '@dutyline/domain';
import type { GatewayConfig } from '../config/gateway-config';
import type { JsonLogger } from '../logging/json-logger';
import { token } from './injection-token';

/** The configuration read from the environment at start. */
export const GATEWAY_CONFIG = token<GatewayConfig>('GatewayConfig');
/** Structured JSON logging (`logger.entry(level, msg, fields)`); carries the request id by itself. */
export const LOGGER = token<JsonLogger>('Logger');
/** The wall clock (tests bind a ManualClock). */
export const CLOCK = token<Clock>('Clock');
/** Fresh ids for new aggregates and records. */
export const ID_GENERATOR = token<IdGenerator>('IdGenerator');
