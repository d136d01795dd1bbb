import type {
  CallEvents,
  CallJournal,
  CallLogService,
  CallPlanner,
  HotlineLookup,
  InboundCallService,
  LastKnownPlans,
  StoredCall,
} from '@dutyline/application';
import type { SqlCallStore } from '@dutyline/persistence';
import { token } from '../platform/injection-token';
import type { CallRoutingSettings } from './call-routing-settings';

/*
 * The inbound call wiring (CallsModule), injectable by the carrier modules (Vonage webhooks, the
 * simulator) and by whoever adds multi-instance concerns:
 * - HOTLINE_LOOKUP and CALL_PLANNER are the answer path's reads, bound to the ClusterModule's caches
 *   (invalidated across instances); the InboundCallService and the dry runs both take them from here.
 * - CALL_EVENTS is the notification producer (unanswered-call alerts, voicemail e-mails) of the
 *   NotificationsModule.
 */
export const CALL_ROUTING_SETTINGS = token<CallRoutingSettings>('CallRoutingSettings');
/** The calls table: the application's CallStore and CallLogReader ports, plus findByCarrierCall. */
export const CALL_STORE = token<SqlCallStore<StoredCall>>('CallStore');
export const HOTLINE_LOOKUP = token<HotlineLookup>('HotlineLookup');
export const CALL_PLANNER = token<CallPlanner>('CallPlanner');
/** The plans last computed per hotline number on this instance: what a call gets while the database is down. */
export const LAST_KNOWN_PLANS = token<LastKnownPlans>('LastKnownPlans');
export const CALL_EVENTS = token<CallEvents | null>('CallEvents');
/** What the database could not take yet (`<DATA_DIR>/call-journal.jsonl`), written back by `CallWriteBack`. */
export const CALL_JOURNAL = token<CallJournal>('CallJournal');
/** The service every carrier adapter drives (`InboundCalls`). */
export const INBOUND_CALLS = token<InboundCallService>('InboundCalls');
export const CALL_LOG = token<CallLogService>('CallLog');
