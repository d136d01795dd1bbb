import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { JsonLogger } from '../logging/json-logger';
import { LOGGER } from './platform.tokens';

/** Whether the gateway is shutting down: `/ready` answers 503 from the first moment of it. */
@Injectable()
export class ShutdownState {
  draining = false;
}

/**
 * Graceful shutdown (SIGTERM/SIGINT or `app.close()`), in order:
 * 1. this hook (the root module's, so the first to run) marks the gateway as draining: `/ready`
 *    turns 503 and load balancers stop sending traffic;
 * 2. Apollo's drain plugin (installed by @nestjs/apollo) stops accepting connections, lets requests
 *    in flight finish, closes idle keep-alive connections and cuts what is left after 10 s;
 * 3. the database closes last (DatabaseModule's `onApplicationShutdown`).
 */
@Injectable()
export class DrainOnShutdown implements OnModuleDestroy {
  constructor(
    private readonly state: ShutdownState,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  onModuleDestroy(): void {
    this.state.draining = true;
    this.logger.entry('info', 'shutting down: finishing requests in flight');
  }
}
