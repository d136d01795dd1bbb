import {
  DEFAULT_EMERGENCY_RING_TIMEOUT_SECONDS,
  type InboundCallOptions,
  type LastResortSettings,
} from '@dutyline/application';
import { ConfigError, type ConfigProblem, type Environment } from '@dutyline/env';

/** How inbound calls are routed, whatever the carrier; read once from the environment. */
export interface CallRoutingSettings {
  /**
   * `CALL_EMERGENCY_NUMBERS`: last-resort numbers rung when no plan can be had (database down and
   * nothing known of the number), by hotline number: `+33140000000=+33612345678,*=+33600000000`, or
   * one number for every hotline. @defaultValue none (the caller hears an apology)
   */
  readonly emergencyNumbers: Readonly<Record<string, string>>;
  /** `CALL_MACHINE_DETECTION`: ask the carrier to detect answering machines on dialled legs. @defaultValue false */
  readonly machineDetection: boolean;
  /** `CALL_ANSWER_BUDGET_MS`: how long one webhook may wait for the database before routing from memory. @defaultValue 800 */
  readonly budgetMs: number;
  /** `CALL_CONFIRMATION_TIMEOUT_SECONDS`: how long a callee has to press 1 after the announcement. @defaultValue 5 */
  readonly confirmationTimeoutSeconds: number;
  /** `CALL_VOICEMAIL_MAX_SECONDS`. @defaultValue 120 */
  readonly voicemailMaxSeconds: number;
  /**
   * `CALL_STORE_BUDGET_MS`: how long a webhook waits for the database to take a call's write (within
   * `CALL_ANSWER_BUDGET_MS`) before journaling it and replying. @defaultValue 150
   */
  readonly storeBudgetMs: number;
  /** `CALL_STORE_RETRY_MS`: after the database failed a webhook, how long webhooks leave it alone (the write-back keeps trying). @defaultValue 2000 */
  readonly storeRetryMs: number;
  /** `CALL_WRITE_BACK_INTERVAL_MS`: how often the call journal (`<DATA_DIR>/call-journal.jsonl`) is written back. @defaultValue 1000 */
  readonly writeBackIntervalMs: number;
  /**
   * `CALL_JOURNAL_ORPHAN_MAX_AGE_SECONDS`: how long a journaled event waits for its call (opened on
   * another instance) to reach the database before it is given up. @defaultValue 86400
   */
  readonly orphanMaxAgeSeconds: number;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/** Reads the call routing variables; every faulty one is reported at once in a ConfigError. */
export function readCallRoutingSettings(env: Environment): CallRoutingSettings {
  const problems: ConfigProblem[] = [];
  const integer = (
    variable: string,
    { fallback, min, max }: { fallback: number; min: number; max: number },
  ): number => {
    const text = env[variable]?.trim();
    if (!text) return fallback;
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
      problems.push({ variable, message: `must be a whole number from ${min} to ${max}, not "${text}"` });
      return fallback;
    }
    return Number(text);
  };
  const machine = env['CALL_MACHINE_DETECTION']?.trim().toLowerCase();
  if (machine && !['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'].includes(machine)) {
    problems.push({ variable: 'CALL_MACHINE_DETECTION', message: `must be true or false, not "${machine}"` });
  }
  const settings: CallRoutingSettings = {
    emergencyNumbers: emergencyNumbers(env['CALL_EMERGENCY_NUMBERS'], problems),
    machineDetection: ['true', '1', 'yes', 'on'].includes(machine ?? ''),
    budgetMs: integer('CALL_ANSWER_BUDGET_MS', { fallback: 800, min: 50, max: 4000 }),
    confirmationTimeoutSeconds: integer('CALL_CONFIRMATION_TIMEOUT_SECONDS', { fallback: 5, min: 1, max: 10 }),
    voicemailMaxSeconds: integer('CALL_VOICEMAIL_MAX_SECONDS', { fallback: 120, min: 3, max: 7200 }),
    storeBudgetMs: integer('CALL_STORE_BUDGET_MS', { fallback: 150, min: 10, max: 4000 }),
    storeRetryMs: integer('CALL_STORE_RETRY_MS', { fallback: 2000, min: 100, max: 600_000 }),
    writeBackIntervalMs: integer('CALL_WRITE_BACK_INTERVAL_MS', { fallback: 1000, min: 50, max: 600_000 }),
    orphanMaxAgeSeconds: integer('CALL_JOURNAL_ORPHAN_MAX_AGE_SECONDS', { fallback: 86_400, min: 1, max: 30 * 86_400 }),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return settings;
}

function emergencyNumbers(text: string | undefined, problems: ConfigProblem[]): Record<string, string> {
  const value = text?.trim();
  if (!value) return {};
  if (E164.test(value)) return { '*': value };
  const numbers: Record<string, string> = {};
  for (const pair of value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const [hotline, emergency] = pair.split('=').map((p) => p.trim());
    if ((hotline !== '*' && !E164.test(hotline ?? '')) || !E164.test(emergency ?? '')) {
      problems.push({
        variable: 'CALL_EMERGENCY_NUMBERS',
        message: `"${pair}" is not <hotline E.164 or *>=<emergency E.164>`,
      });
      continue;
    }
    numbers[hotline] = emergency;
  }
  return numbers;
}

/** The last-resort rule's settings: the inbound call service's, and a carrier adapter's when it cannot ask the service. */
export function lastResortSettings(settings: CallRoutingSettings): LastResortSettings {
  return { emergencyNumbers: settings.emergencyNumbers, ringTimeoutSeconds: DEFAULT_EMERGENCY_RING_TIMEOUT_SECONDS };
}

/** The inbound call service's options from the settings (the webhooks' service and the dry runs' alike). */
export function inboundCallOptions(
  settings: CallRoutingSettings,
  overrides: InboundCallOptions = {},
): InboundCallOptions {
  const lastResort = lastResortSettings(settings);
  return {
    budgetMs: settings.budgetMs,
    machineDetection: settings.machineDetection,
    confirmationTimeoutSeconds: settings.confirmationTimeoutSeconds,
    voicemailMaxSeconds: settings.voicemailMaxSeconds,
    emergencyNumbers: lastResort.emergencyNumbers,
    emergencyRingTimeoutSeconds: lastResort.ringTimeoutSeconds,
    storeBudgetMs: Math.min(settings.storeBudgetMs, settings.budgetMs),
    storeRetryMs: settings.storeRetryMs,
    orphanMaxAgeMs: settings.orphanMaxAgeSeconds * 1000,
    ...overrides,
  };
}
