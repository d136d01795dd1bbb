export { noMetrics } from './metrics.port';
export type { CountedCallOutcome, CountedLegOutcome, MessageChannel, Metrics } from './metrics.port';
export { countedMailer, countedSms, timedJobHost } from './counted-ports';
