import { HOUR_MS, MINUTE_MS, invalid } from '../shared';

/** `automatic`: a worker dials the caller; `manual`: agents take requests from a list. */
export type CallbackMode = 'automatic' | 'manual';

export const CALLBACK_MODES: readonly CallbackMode[] = ['automatic', 'manual'];

/**
 * How a service (a hotline, or a team acting as a service) handles callback requests (F20).
 * Plain data: a copy is frozen into each request when it is opened, so changing the service's
 * settings only affects requests opened afterwards.
 */
export interface CallbackPolicy {
  /** Calendar days after the day of the request during which it may be worked; see ADR 0003. */
  readonly maxProcessingDays: number;
  /** Attempts towards the caller before the request goes to "max attempts reached". */
  readonly maxAttempts: number;
  /** Hours the request stays hidden after an unanswered attempt, in steps of a quarter hour. */
  readonly minHoursBetweenAttempts: number;
  readonly mode: CallbackMode;
  /** Minutes an agent's claim holds before it lapses and another agent may take the request. */
  readonly claimMinutes: number;
  /** Minutes before the dialler tries again when the person on duty did not answer (automatic mode). */
  readonly agentRetryMinutes: number;
}

export interface CallbackPolicyInput {
  /** Whole days, 1 to 90. @defaultValue 2 */
  maxProcessingDays?: number;
  /** Whole number, 1 to 20. @defaultValue 3 */
  maxAttempts?: number;
  /** 0 to 168 hours in quarter-hour steps (0.25, 1.5, …); 0 means the next attempt may follow at once. @defaultValue 2 */
  minHoursBetweenAttempts?: number;
  /** @defaultValue 'manual', as agents' lists were the original way of working callbacks */
  mode?: string;
  /** Whole minutes, 1 to 240: long enough to dial and note the outcome, short enough that a forgotten claim frees itself. @defaultValue 15 */
  claimMinutes?: number;
  /** Whole minutes, 1 to 120. @defaultValue 5 */
  agentRetryMinutes?: number;
}

export const DEFAULT_CALLBACK_POLICY: CallbackPolicy = {
  maxProcessingDays: 2,
  maxAttempts: 3,
  minHoursBetweenAttempts: 2,
  mode: 'manual',
  claimMinutes: 15,
  agentRetryMinutes: 5,
};

/** The bounds of a whole-number setting, and how a refusal names it. */
interface WholeNumberRule {
  readonly min: number;
  readonly max: number;
  readonly code: string;
  readonly field: string;
  readonly unit: string;
}

function wholeNumberIn(value: unknown, { min, max, code, field, unit }: WholeNumberRule): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    invalid(code, field, `${field} is a whole number of ${unit} from ${min} to ${max}, not ${String(value)}`);
  }
  return value;
}

/** Validates settings, filling the documented defaults; field paths are relative (`maxAttempts`). */
export function callbackPolicy(input: CallbackPolicyInput = {}): CallbackPolicy {
  const d = DEFAULT_CALLBACK_POLICY;
  const hours = input.minHoursBetweenAttempts ?? d.minHoursBetweenAttempts;
  if (typeof hours !== 'number' || !Number.isInteger(hours * 4) || hours < 0 || hours > 168) {
    invalid(
      'INVALID_MIN_HOURS_BETWEEN_ATTEMPTS',
      'minHoursBetweenAttempts',
      `minHoursBetweenAttempts is 0 to 168 hours in quarter-hour steps, not ${String(hours)}`,
    );
  }
  const mode = input.mode ?? d.mode;
  if (!CALLBACK_MODES.includes(mode as CallbackMode)) {
    invalid('INVALID_CALLBACK_MODE', 'mode', `mode is "automatic" or "manual", not "${String(mode)}"`);
  }
  return {
    maxProcessingDays: wholeNumberIn(input.maxProcessingDays ?? d.maxProcessingDays, {
      min: 1,
      max: 90,
      code: 'INVALID_MAX_PROCESSING_DAYS',
      field: 'maxProcessingDays',
      unit: 'days',
    }),
    maxAttempts: wholeNumberIn(input.maxAttempts ?? d.maxAttempts, {
      min: 1,
      max: 20,
      code: 'INVALID_MAX_ATTEMPTS',
      field: 'maxAttempts',
      unit: 'attempts',
    }),
    minHoursBetweenAttempts: hours,
    mode: mode as CallbackMode,
    claimMinutes: wholeNumberIn(input.claimMinutes ?? d.claimMinutes, {
      min: 1,
      max: 240,
      code: 'INVALID_CLAIM_MINUTES',
      field: 'claimMinutes',
      unit: 'minutes',
    }),
    agentRetryMinutes: wholeNumberIn(input.agentRetryMinutes ?? d.agentRetryMinutes, {
      min: 1,
      max: 120,
      code: 'INVALID_AGENT_RETRY_MINUTES',
      field: 'agentRetryMinutes',
      unit: 'minutes',
    }),
  };
}

export const minDelayBetweenAttemptsMs = (policy: CallbackPolicy): number => policy.minHoursBetweenAttempts * HOUR_MS;
export const claimDurationMs = (policy: CallbackPolicy): number => policy.claimMinutes * MINUTE_MS;
export const agentRetryDelayMs = (policy: CallbackPolicy): number => policy.agentRetryMinutes * MINUTE_MS;
