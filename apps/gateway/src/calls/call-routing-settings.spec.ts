import { ConfigError } from '@dutyline/env';
import { readCallRoutingSettings } from './call-routing-settings';

describe('call routing settings (CALL_* variables)', () => {
  it('has defaults for an empty environment', () => {
    expect(readCallRoutingSettings({})).toEqual({
      emergencyNumbers: {},
      machineDetection: false,
      budgetMs: 800,
      confirmationTimeoutSeconds: 5,
      voicemailMaxSeconds: 120,
      storeBudgetMs: 150,
      storeRetryMs: 2000,
      writeBackIntervalMs: 1000,
      orphanMaxAgeSeconds: 86_400,
    });
  });

  it.each<[string, Record<string, string>, object]>([
    [
      'one emergency number for every hotline',
      { CALL_EMERGENCY_NUMBERS: '+33600000000' },
      { emergencyNumbers: { '*': '+33600000000' } },
    ],
    [
      'emergency numbers per hotline, and for the others',
      { CALL_EMERGENCY_NUMBERS: '+33140000000=+33612345678, *=+33600000000' },
      { emergencyNumbers: { '+33140000000': '+33612345678', '*': '+33600000000' } },
    ],
    ['machine detection on', { CALL_MACHINE_DETECTION: 'true' }, { machineDetection: true }],
    [
      'the budget and timeouts',
      { CALL_ANSWER_BUDGET_MS: '500', CALL_CONFIRMATION_TIMEOUT_SECONDS: '8', CALL_VOICEMAIL_MAX_SECONDS: '60' },
      { budgetMs: 500, confirmationTimeoutSeconds: 8, voicemailMaxSeconds: 60 },
    ],
    [
      'the database budgets and the journal',
      {
        CALL_STORE_BUDGET_MS: '80',
        CALL_STORE_RETRY_MS: '500',
        CALL_WRITE_BACK_INTERVAL_MS: '200',
        CALL_JOURNAL_ORPHAN_MAX_AGE_SECONDS: '60',
      },
      { storeBudgetMs: 80, storeRetryMs: 500, writeBackIntervalMs: 200, orphanMaxAgeSeconds: 60 },
    ],
  ])('reads %s', (_name, env, expected) => {
    expect(readCallRoutingSettings(env)).toMatchObject(expected);
  });

  it('reports every faulty variable at once, by name', () => {
    const env = {
      CALL_EMERGENCY_NUMBERS: '0612345678',
      CALL_MACHINE_DETECTION: 'maybe',
      CALL_ANSWER_BUDGET_MS: '10',
      CALL_STORE_BUDGET_MS: '5',
      CALL_WRITE_BACK_INTERVAL_MS: 'soon',
    };
    let error: unknown;
    try {
      readCallRoutingSettings(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
      'CALL_ANSWER_BUDGET_MS',
      'CALL_EMERGENCY_NUMBERS',
      'CALL_MACHINE_DETECTION',
      'CALL_STORE_BUDGET_MS',
      'CALL_WRITE_BACK_INTERVAL_MS',
    ]);
  });
});
