import type { PrometheusMetrics } from '@dutyline/queue';
import { token } from '../platform/injection-token';

/** This gateway's metrics: the application's `Metrics` port, the HTTP and webhook latencies, the exposition. */
export const METRICS = token<PrometheusMetrics>('Metrics');
