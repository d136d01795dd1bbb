export { noMetrics, type CountedCallOutcome, type CountedLegOutcome, type MessageChannel, type Metrics } from './ports';
export { countedMailer, countedSms, timedJobHost } from './counted-ports';
