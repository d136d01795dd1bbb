import { noMetrics } from '../metrics';
import { errorContext, silentCallLogger } from '../shared';
import { CallAnswering } from './call-answering';
import { CallCapGuard } from './call-cap-guard';
import { DialledNumbers } from './call-entry-lookup';
import { CallChangeReporter } from './call-change-reporter';
import { CallEventApplier } from './call-event-applier';
import { CallFallbacks } from './call-fallbacks';
import { CallInstructionRenderer } from './call-instruction-renderer';
import { CallPersistence } from './call-persistence';
import { plannerWithGroupsInOrder } from './groups-in-order';
import { InboundCallDependencies, InboundCallOptions, inboundCallSettings } from './inbound-call-options';
import { InboundCallService } from './inbound-call.service';
import { JournalWriteBack } from './journal-write-back';
import { LastKnownPlans } from './last-known-plans';
import { MemoryCallJournal } from './memory-call-journal';
import { CallEventRecord } from './ports';
import { StoredCall } from './stored-call';
import { systemTimer } from './system-timer';

/**
 * The calls feature wired over its ports: the `InboundCallService` every carrier adapter drives
 * (the call log's `CallLogService` takes its ports directly). A journal handed in is read back at once.
 */
export function createCalls(ports: InboundCallDependencies, options: InboundCallOptions = {}): InboundCallService {
  const settings = inboundCallSettings(options);
  const { clock, store } = ports;
  const logger = ports.logger ?? silentCallLogger;
  const metrics = ports.metrics ?? noMetrics;
  const timer = ports.timer ?? systemTimer;
  const lastKnown = ports.lastKnownPlans ?? new LastKnownPlans(settings.memoryCapacity);
  const journal = ports.journal ?? new MemoryCallJournal();
  const renderer = new CallInstructionRenderer(settings);
  const applier = new CallEventApplier(renderer, settings.machineDetection);
  const reporter = new CallChangeReporter({ events: ports.events, metrics, logger });
  const fallbacks = new CallFallbacks({ lastKnown, renderer }, settings);
  const apply = (call: StoredCall, record: CallEventRecord) => applier.applied(call, record).next;
  const persistence = new CallPersistence({ store, journal, clock, timer, logger, apply }, settings);
  const cap = new CallCapGuard({ activeCalls: ports.activeCalls, clock, logger });
  const answering = new CallAnswering(
    {
      dialled: new DialledNumbers(ports.hotlines, ports.entries, (error, hotlineId) =>
        logger.warn('call entry lookup failed: routing to the line', { hotlineId, ...errorContext(error) }),
      ),
      lineStatus: ports.lineStatus,
      planner: settings.parallelDialing ? ports.planner : plannerWithGroupsInOrder(ports.planner),
      clock,
      ids: ports.ids,
      events: ports.events,
      logger,
      metrics,
      lastKnown,
      persistence,
      renderer,
      reporter,
      fallbacks,
      cap,
    },
    settings,
  );
  const writeBack = new JournalWriteBack(
    { store, journal, persistence, applier, reporter, clock, timer, logger },
    settings,
  );
  return new InboundCallService({
    settings,
    clock,
    ids: ports.ids,
    logger,
    timer,
    renderer,
    applier,
    reporter,
    fallbacks,
    persistence,
    answering,
    writeBack,
    cap,
  });
}
