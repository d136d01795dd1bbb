import { describeWithMariaDb } from '@dutyline/test-support';
import { dataOf, expectCleanError, featureGateway } from '../testing/feature-fixtures';

const SETTINGS =
  'service { kind id } maxProcessingDays maxAttempts minHoursBetweenAttempts mode claimMinutes agentRetryMinutes isDefault updatedAt';
const READ = `query($service: CallbackServiceInput!) { callbackSettings(service: $service) { ${SETTINGS} } }`;
const UPDATE = `mutation($input: UpdateCallbackSettingsInput!) { updateCallbackSettings(input: $input) { ${SETTINGS} } }`;
const RESET = `mutation($service: CallbackServiceInput!) { resetCallbackSettings(service: $service) { ${SETTINGS} } }`;

function callbackSettingsOver(database: 'sqlite' | 'mariadb') {
  const f = featureGateway(database, { sample: true });
  const as = f.as;

  it('answers the defaults, keeps the fields a change does not name, and resets (F20)', async () => {
    const hotline = { kind: 'HOTLINE', id: f.sample.hotlineId };
    expect((await dataOf(as(READ, { service: hotline }))).callbackSettings).toEqual({
      service: hotline,
      maxProcessingDays: 2,
      maxAttempts: 3,
      minHoursBetweenAttempts: 2,
      mode: 'MANUAL',
      claimMinutes: 15,
      agentRetryMinutes: 5,
      isDefault: true,
      updatedAt: null,
    });
    await dataOf(as(UPDATE, { input: { service: hotline, maxAttempts: 5 } }));
    const updated = (
      await dataOf(as(UPDATE, { input: { service: hotline, minHoursBetweenAttempts: 1.25, mode: 'AUTOMATIC' } }))
    ).updateCallbackSettings;
    expect(updated).toMatchObject({
      maxAttempts: 5,
      minHoursBetweenAttempts: 1.25,
      mode: 'AUTOMATIC',
      isDefault: false,
    });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
    const team = { kind: 'TEAM', id: f.sample.crew };
    expect((await dataOf(as(READ, { service: team }))).callbackSettings.isDefault).toBe(true);
    expect((await dataOf(as(RESET, { service: hotline }))).resetCallbackSettings).toMatchObject({
      isDefault: true,
      maxAttempts: 3,
      mode: 'MANUAL',
    });
  });

  it.each([
    ['zero attempts', { maxAttempts: 0 }, 'INVALID_MAX_ATTEMPTS', 'input.maxAttempts'],
    [
      'hours off the quarter',
      { minHoursBetweenAttempts: 0.1 },
      'INVALID_MIN_HOURS_BETWEEN_ATTEMPTS',
      'input.minHoursBetweenAttempts',
    ],
    ['a fractional day count', { maxProcessingDays: 1.5 }, 'BAD_USER_INPUT', 'input.maxProcessingDays'],
  ])('refuses %s, naming the field', async (_, changes, code, field) => {
    const answer = await as(UPDATE, { input: { service: { kind: 'TEAM', id: f.sample.crew }, ...changes } });
    expectCleanError(answer);
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code, field });
  });
}

describe('callback settings over HTTP on SQLite', () => callbackSettingsOver('sqlite'));
describeWithMariaDb('callback settings over HTTP on MariaDB', () => callbackSettingsOver('mariadb'));
