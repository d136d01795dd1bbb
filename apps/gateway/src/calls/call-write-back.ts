import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { InboundCallService } from '@dutyline/application';
import type { JsonLogger } from '../logging/json-logger';
import { LOGGER } from '../platform/platform.tokens';
import type { CallRoutingSettings } from './call-routing-settings';
import { CALL_ROUTING_SETTINGS, INBOUND_CALLS } from './calls.tokens';

/**
 * The background task that hands the call journal (`<DATA_DIR>/call-journal.jsonl`) to the database:
 * a pass at start (what a previous run left) and every `CALL_WRITE_BACK_INTERVAL_MS`; a pass with
 * nothing pending costs nothing, one that meets the database away stops and the next one retries.
 */
@Injectable()
export class CallWriteBack implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(INBOUND_CALLS) private readonly calls: InboundCallService,
    @Inject(CALL_ROUTING_SETTINGS) private readonly settings: CallRoutingSettings,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.pass();
    this.timer = setInterval(() => this.pass(), this.settings.writeBackIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.calls.hasPendingWrites())
      this.logger.entry('warn', 'call journal not written back yet: the next start writes it back');
  }

  private pass(): void {
    if (!this.calls.hasPendingWrites()) return;
    this.calls.writeBack().catch((error: unknown) =>
      this.logger.entry('error', 'call journal write-back failed', {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  }
}
