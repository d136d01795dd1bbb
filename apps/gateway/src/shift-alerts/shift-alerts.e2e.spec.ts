import { SqlShiftAlertLedger } from '@dutyline/persistence';
import { describeWithMariaDb } from '@dutyline/test-support';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../database/database.module';
import { codesOf, dataOf, expectCleanError, featureGateway } from '../testing/feature-fixtures';

const SETTINGS = 'hotlineId enabled minutesBefore channels acknowledge { withinMinutes by } isDefault';
const READ = `query($hotlineId: ID!) { shiftAlertSettings(hotlineId: $hotlineId) { ${SETTINGS} } }`;
const UPDATE = `mutation($input: UpdateShiftAlertSettingsInput!) { updateShiftAlertSettings(input: $input) { ${SETTINGS} } }`;
const LIST = `query($hotlineId: ID!, $from: Instant!, $to: Instant!) {
  shiftAlerts(hotlineId: $hotlineId, from: $from, to: $to) {
    id personId level dutyStart dutyEnd sentBy sentAt acknowledgeBy acknowledgedAt supervisorsToldAt
  }
}`;

function shiftAlertsOver(database: 'sqlite' | 'mariadb') {
  const f = featureGateway(database, { sample: true });
  const as = f.as;
  const asMember = (query: string, variables: Record<string, unknown>) =>
    f.gateway.graphql(query, variables, { token: f.account.tokens.member });

  it('answers the defaults to any role, saves a change keeping the fields it does not name (F27)', async () => {
    const hotlineId = f.sample.hotlineId;
    expect((await dataOf(asMember(READ, { hotlineId }))).shiftAlertSettings).toEqual({
      hotlineId,
      enabled: false,
      minutesBefore: 30,
      channels: ['SMS'],
      acknowledge: null,
      isDefault: true,
    });
    const input = {
      hotlineId,
      enabled: true,
      minutesBefore: 45,
      channels: ['EMAIL', 'SMS'],
      acknowledge: { withinMinutes: 20 },
    };
    expect((await dataOf(as(UPDATE, { input }))).updateShiftAlertSettings).toEqual({
      hotlineId,
      enabled: true,
      minutesBefore: 45,
      channels: ['EMAIL', 'SMS'],
      acknowledge: { withinMinutes: 20, by: 'link' },
      isDefault: false,
    });
    const dropped = (await dataOf(as(UPDATE, { input: { hotlineId, acknowledge: null } }))).updateShiftAlertSettings;
    expect(dropped).toMatchObject({ enabled: true, minutesBefore: 45, acknowledge: null });
    expect((await dataOf(asMember(READ, { hotlineId }))).shiftAlertSettings).toEqual(dropped);
    expect(codesOf(await asMember(UPDATE, { input: { hotlineId, enabled: false } }))).toEqual(['FORBIDDEN']);
  });

  it.each([
    ['no minutes', { minutesBefore: 0 }, 'INVALID_MINUTES', 'input.minutesBefore'],
    ['a day and a minute', { minutesBefore: 1441 }, 'INVALID_MINUTES', 'input.minutesBefore'],
    ['no channel', { channels: [] }, 'NO_CHANNEL', 'input.channels'],
    ['a channel twice', { channels: ['SMS', 'SMS'] }, 'DUPLICATE_CHANNEL', 'input.channels[1]'],
    [
      'a long acknowledgement',
      { acknowledge: { withinMinutes: 241 } },
      'INVALID_MINUTES',
      'input.acknowledge.withinMinutes',
    ],
    ['an unknown hotline', { hotlineId: 'no-such-hotline' }, 'NOT_FOUND', 'input.hotlineId'],
  ])('refuses %s, naming the field', async (_, change, code, field) => {
    const answer = await as(UPDATE, { input: { hotlineId: f.sample.hotlineId, ...change } });
    expectCleanError(answer);
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code, field });
  });

  it('acknowledges through the link once, refuses a bad token alike, and lists the alert', async () => {
    const ledger = new SqlShiftAlertLedger(f.gateway.app.get<DataSource>(DATA_SOURCE));
    const start = Date.parse('2026-03-28T21:00:00Z');
    const { record, ackToken } = await ledger.openShiftAlert({
      id: `shift-alert:${f.sample.hotlineId}:${f.sample.alice}:2026-03-28T21:00:00.000Z`,
      accountId: f.account.accountId,
      hotlineId: f.sample.hotlineId,
      personId: f.sample.alice,
      level: 0,
      dutyStart: start,
      dutyEnd: Date.parse('2026-03-29T04:00:00Z'),
      ackExpiresAt: Date.now() + 15 * 60_000,
      createdAt: Date.now(),
    });
    await ledger.recordShiftAlertStep(record.id, { step: 'sms', result: 'sms-1' });
    await ledger.markShiftAlertSent(record.id, Date.now());

    const first = await f.gateway.get(`/shift-alerts/ack/${ackToken}`);
    expect([first.status, first.headers.get('content-type'), first.headers.get('cache-control')]).toEqual([
      200,
      'text/html; charset=utf-8',
      'private, no-store',
    ]);
    expect(await first.text()).toContain('Thank you: your duty on Maintenance is acknowledged.');
    const again = await f.gateway.get(`/shift-alerts/ack/${ackToken}`);
    expect([again.status, await again.text()]).toEqual([200, expect.stringContaining('already acknowledged')]);
    const forged = await f.gateway.get(`/shift-alerts/ack/${'A'.repeat(43)}`);
    expect([forged.status, await forged.text()]).toEqual([404, expect.stringContaining('unknown or has expired')]);

    const listed = (
      await dataOf(
        as(LIST, { hotlineId: f.sample.hotlineId, from: '2026-03-28T00:00:00Z', to: '2026-03-30T00:00:00Z' }),
      )
    ).shiftAlerts;
    expect(listed).toEqual([
      expect.objectContaining({
        id: record.id,
        personId: f.sample.alice,
        dutyStart: '2026-03-28T21:00:00.000Z',
        dutyEnd: '2026-03-29T04:00:00.000Z',
        sentBy: ['SMS'],
        supervisorsToldAt: null,
      }),
    ]);
    expect(Date.parse(listed[0].acknowledgedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(
      codesOf(
        await as(LIST, { hotlineId: f.sample.hotlineId, from: '2026-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }),
      ),
    ).toEqual(['RANGE_TOO_LONG']);
  });
}

describe('shift-start alerts over HTTP on SQLite', () => shiftAlertsOver('sqlite'));
describeWithMariaDb('shift-start alerts over HTTP on MariaDB', () => shiftAlertsOver('mariadb'));
