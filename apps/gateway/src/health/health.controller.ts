import { BeforeApplicationShutdown, Controller, Get, Inject, Injectable, OnApplicationShutdown, Res } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server, ServerResponse } from 'node:http';
import { Public } from '../auth/auth.decorators';
import { DATABASE_PROBE, type DatabaseProbe } from '../database/repository.tokens';
import type { JsonLogger } from '../logging/json-logger';
import { LOGGER } from '../platform/platform.tokens';

/** Requests still running this long after shutdown began are cut off. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Graceful shutdown (SIGTERM/SIGINT, `app.close()`): `/ready` turns 503 at once so load balancers
 * stop sending traffic, the HTTP server stops accepting and lets in-flight requests finish (cut
 * after SHUTDOWN_GRACE_MS), then the database closes (DatabaseModule, last).
 */
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown, OnApplicationShutdown {
  draining = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  beforeApplicationShutdown(signal?: string): void {
    this.draining = true;
    this.logger.entry('info', 'shutting down: finishing requests in flight', { signal });
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    this.timer = setTimeout(() => server?.closeAllConnections?.(), SHUTDOWN_GRACE_MS).unref();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }
}

/**
 * `/health`: the process is alive (200 while it serves). `/ready`: it can serve traffic — the
 * database answers and no shutdown is under way — 200, else 503. Both public, JSON.
 */
@Controller()
@Public()
export class HealthController {
  private readonly started = Date.now();

  constructor(
    @Inject(DATABASE_PROBE) private readonly database: DatabaseProbe,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('health')
  health() {
    return { status: 'ok', uptimeSeconds: Math.floor((Date.now() - this.started) / 1000) };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) response: ServerResponse) {
    if (this.shutdown.draining) {
      response.statusCode = 503;
      return { status: 'draining' };
    }
    try {
      await this.database.ping();
      return { status: 'ready', database: 'up' };
    } catch (error) {
      this.logger.entry('warn', 'not ready: the database does not answer', { error });
      response.statusCode = 503;
      return { status: 'unavailable', database: 'down' };
    }
  }
}
