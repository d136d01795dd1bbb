import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { Public } from '../auth/auth.decorators';
import { DATABASE_PROBE, type DatabaseProbe } from '../database/repository.tokens';
import type { JsonLogger } from '../logging/json-logger';
import { LOGGER } from '../platform/platform.tokens';
import { ShutdownState } from '../platform/shutdown-state';

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
