import { OnCall } from '../schedule/slot';
import { Instant } from '../shared';

/**
 * Who is on duty for one hotline at an instant (slots and overrides already merged).
 * The schedule's index implements it; routing only asks.
 */
export interface OnCallSource {
  onCallAt(at: Instant): OnCall;
}
