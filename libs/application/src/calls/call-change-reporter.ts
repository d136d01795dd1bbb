import { EscalationState } from '@dutyline/domain';
import { Metrics } from '../metrics';
import { CallLogger, errorContext } from '../shared';
import { CallEvents, CallNotice } from './ports';
import { StoredCall, callRecordOf } from './stored-call';

/** Tells the metrics and the workers what a stored change of a call settled. */
export class CallChangeReporter {
  constructor(
    private readonly deps: {
      readonly events: CallEvents | undefined;
      readonly metrics: Metrics;
      readonly logger: CallLogger;
    },
  ) {}

  /**
   * Counts what a stored change settled: the call's outcome when it is first known, each leg's outcome
   * when it changes (a pick-up awaiting its key is not an outcome yet).
   */
  count(before: EscalationState | null, after: EscalationState): void {
    const { metrics } = this.deps;
    if (!before?.outcome && after.outcome) metrics.callOutcome(after.outcome.kind);
    after.legs.forEach((leg, index) => {
      if (leg.outcome === null || leg.outcome === before?.legs[index]?.outcome) return;
      if (after.phase === 'confirming' && leg.step === after.step) return;
      metrics.legEnded(leg.outcome);
    });
  }

  /** Tells the workers about a caller who left unanswered and about a recorded voicemail, once each. */
  async notify(before: StoredCall, after: StoredCall): Promise<void> {
    const events = this.deps.events;
    if (!events) return;
    const notices: [keyof Pick<CallEvents, 'callUnanswered' | 'voicemailRecorded'>, string][] = [];
    if (!callerGone(before.state) && callerGone(after.state) && after.state.outcome?.kind !== 'answered') {
      notices.push(['callUnanswered', 'unanswered']);
    }
    if (recordingOf(before.state) === null && recordingOf(after.state) !== null)
      notices.push(['voicemailRecorded', 'voicemail']);
    if (notices.length === 0) return;
    const record = callRecordOf(after);
    for (const [method, suffix] of notices) {
      const notice: CallNotice = { eventId: `${after.id}:${suffix}`, callId: after.id, record };
      try {
        await events[method](notice);
      } catch (error) {
        this.deps.logger.error(`could not report ${suffix} call`, { callId: after.id, ...errorContext(error) });
      }
    }
  }
}

const callerGone = (state: EscalationState): boolean => state.phase === 'ended' || state.phase === 'awaiting-recording';

const recordingOf = (state: EscalationState): string | null =>
  state.outcome?.kind === 'voicemail' ? state.outcome.recording : null;
