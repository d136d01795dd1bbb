import { EndedLegOutcome } from '@dutyline/application';

/** Outcomes a downstream PBX that announces the call may report in the `<prefix>Outcome` header of a final response. */
const REPORTED: readonly EndedLegOutcome[] = [
  'machine',
  'declined',
  'not-confirmed',
  'busy',
  'no-answer',
  'failed',
  'rejected',
];

/**
 * How a leg that got a final non-2xx response ended:
 * 486/600 busy; 408/480 no answer; 487 no answer when the proxy cancelled it (ring timeout), else
 * failed; 603 rejected; anything else (3xx, 404, 484, 5xx, …) failed. An outcome reported by the
 * downstream (`X-Dutyline-Outcome: not-confirmed`) wins over the status.
 */
export function legOutcomeOf(
  status: number,
  facts: { readonly cancelledByProxy: boolean; readonly reported?: string | null },
): EndedLegOutcome {
  const reported = facts.reported?.trim().toLowerCase();
  const known = REPORTED.find((outcome) => outcome === reported);
  if (known) return known;
  switch (status) {
    case 486:
    case 600:
      return 'busy';
    case 408:
    case 480:
      return 'no-answer';
    case 487:
      return facts.cancelledByProxy ? 'no-answer' : 'failed';
    case 603:
      return 'rejected';
    default:
      return 'failed';
  }
}
