/**
 * Production shape: with REDIS_URL the gateway runs no shift-alert job itself; a settings change or a
 * schedule write enqueues the hotline's plan on BullMQ under REDIS_PREFIX, where `apps/worker` takes it.
 */
import { SHIFT_ALERT_JOB_NAMES, type ShiftAlertJobs } from '@dutyline/application';
import { BullMqJobQueue } from '@dutyline/queue';
import { describeWithMariaDb, describeWithRedis, redisUrl, uniqueName } from '@dutyline/test-support';
import { Redis } from 'ioredis';
import { eventually, maintenanceHotline } from '../notifications/testing/notification-fixtures';
import { dataOf } from '../testing/feature-fixtures';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';

jest.setTimeout(60_000);

const UPDATE =
  'mutation($input: UpdateShiftAlertSettingsInput!) { updateShiftAlertSettings(input: $input) { enabled } }';

describeWithRedis('shift-start alerts with REDIS_URL', () =>
  describeWithMariaDb('and MariaDB', () => {
    const prefix = uniqueName('sa');
    let gateway: GatewayHarness;
    let queue: BullMqJobQueue<ShiftAlertJobs>;
    beforeAll(async () => {
      gateway = await startGateway({ database: 'mariadb', env: { REDIS_URL: redisUrl(), REDIS_PREFIX: prefix } });
      queue = new BullMqJobQueue<ShiftAlertJobs>({
        connection: redisUrl(),
        prefix,
        clock: { now: () => Date.now() },
        jobNames: [...SHIFT_ALERT_JOB_NAMES],
      });
    });
    afterAll(async () => {
      await queue?.close();
      await gateway?.close();
      const redis = new Redis(redisUrl());
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    });

    it('enqueues the hotline’s plans (after the change, and hourly) for the worker and runs nothing itself', async () => {
      expect(gateway.logs).toContainEqual(
        expect.objectContaining({ msg: 'shift alerts ready', mode: 'redis', jobsRunHere: false }),
      );
      const account = await gateway.newAccount();
      const { hotlineId } = await maintenanceHotline(gateway, account);
      await dataOf(
        gateway.graphql(
          UPDATE,
          { input: { hotlineId, enabled: true, channels: ['SMS'] } },
          { token: account.tokens.supervisor },
        ),
      );
      // The hotline's creation asked for a plan too (its announcement on the bus): soon plans may be two.
      await eventually(async () => {
        const plans = (await queue.depths()).find((d) => d.name === 'shift-alerts.plan')!;
        expect([plans.delayed >= 2, plans.waiting, plans.active]).toEqual([true, 0, 0]);
      });
    });
  }),
);
