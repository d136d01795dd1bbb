import type { CallbackJobQueue, Callbacks } from '@dutyline/application';
import { token } from '../platform/injection-token';
import type { VonageCallbacks } from './vonage-callbacks';

/*
 * The callback wiring (CallbacksModule):
 * - CALLBACKS: the use cases (requests, intake settings, the dialler, the capture) over the SQL stores,
 *   the carrier (CARRIER), the routing use case and the calls' store.
 * - CALLBACK_JOBS: where callback jobs go. With REDIS_URL a BullMQ producer under REDIS_PREFIX (the
 *   worker, with the same QUEUE_PREFIX, processes them); without, an in-process queue this gateway
 *   processes itself, reconciled from the database at start.
 */
export const CALLBACKS = token<Callbacks>('Callbacks');
export const CALLBACK_JOBS = token<CallbackJobQueue & { close(): Promise<void> }>('CallbackJobQueue');
/** Callbacks on Vonage: the capture's NCCOs and the outbound legs' webhooks. */
export const VONAGE_CALLBACKS = token<VonageCallbacks>('VonageCallbacks');
