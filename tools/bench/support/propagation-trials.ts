// What the propagation benchmarks share: who an answer webhook dials first, how long after a change
// committed through one gateway the answers of another follow it, and the figures printed of those delays.
import { signVonageWebhook } from '@dutyline/vonage/testing';
import { GatewayProcess, answerQuery } from './gateway-process';
import { goal, percentile, report } from './measure';

export const PROPAGATION_GOAL_MS = 1000;
/** A change not followed after this long or this many polls fails the run. */
export const FOLLOW_LIMIT = { ms: 5000, polls: 5000 };

export const CREATE_OVERRIDE = `mutation ($input: CreateOverrideInput!) { createOverride(input: $input) { override { id start } } }`;
/** With `at` the override's start: removes it. */
export const END_OVERRIDE = `mutation ($input: EndOverrideInput!) { endOverride(input: $input) { override { id } } }`;

export interface CreatedOverride {
  readonly createOverride: { readonly override: { readonly id: string; readonly start: string } };
}

/** Signed answer webhooks for new calls, each with its own uuid (`<uuidPrefix><n>`) and caller. */
export class AnswerProbe {
  private calls = 0;

  /** `timeoutMs`: how long an answer may take before it counts as failed. @defaultValue 2000 */
  constructor(
    private readonly options: { readonly secret: string; readonly uuidPrefix: string; readonly timeoutMs?: number },
  ) {}

  /** How many answers it sent. */
  get sent(): number {
    return this.calls;
  }

  /**
   * Who the answer webhook of `gateway` dials first now for a new call to `hotlineNumber`: the digits
   * of the first number of its first connect; null when it connects nobody (closed, voicemail).
   */
  async firstDialled(
    gateway: GatewayProcess,
    hotlineNumber: string,
    timeoutMs = this.options.timeoutMs ?? 2000,
  ): Promise<string | null> {
    const n = ++this.calls;
    const uuid = `${this.options.uuidPrefix}${String(n).padStart(12, '0')}`;
    const query = answerQuery(hotlineNumber, `+3369${String(n % 100_000_000).padStart(8, '0')}`, uuid);
    const token = signVonageWebhook({ secret: this.options.secret, issuedAt: Date.now(), rawQuery: query });
    const response = await fetch(`${gateway.url}/vonage/answer?${query}`, {
      headers: { authorization: token },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`answer on ${gateway.name} for ${hotlineNumber}: HTTP ${response.status}`);
    const ncco = (await response.json()) as { action: string; endpoint?: { number?: string }[] }[];
    const connect = ncco.find((action) => action.action === 'connect');
    return connect?.endpoint?.[0]?.number?.replace(/^\+/, '') ?? null;
  }
}

export interface Followed {
  /** From `change`'s resolution (committed) to the reply of the first answer that followed it, in ms. */
  readonly delayMs: number;
  /** How long that answer itself took, in ms: the part of the delay that is the answer's own time. */
  readonly answerMs: number;
  /** Answers asked for until then (1: the very first one followed). */
  readonly polls: number;
}

/**
 * Makes `change`, then asks `answer` again and again until `follows` says its answer shows the change
 * (an answer that fails counts as one that does not); rejects when none did within `limitMs`.
 */
export async function timeToFollow<A>(
  what: string,
  {
    change,
    answer,
    follows,
    limitMs = FOLLOW_LIMIT.ms,
  }: {
    change: () => Promise<unknown>;
    answer: () => Promise<A>;
    follows: (answer: A) => boolean;
    limitMs?: number;
  },
): Promise<Followed> {
  await change();
  const committed = performance.now();
  let failure: unknown = null;
  for (let polls = 1; polls <= FOLLOW_LIMIT.polls && performance.now() - committed < limitMs; polls++) {
    const asked = performance.now();
    try {
      if (follows(await answer())) {
        const answered = performance.now();
        return { delayMs: answered - committed, answerMs: answered - asked, polls };
      }
    } catch (error) {
      failure = error;
    }
  }
  throw new Error(
    `${what}: still not followed after ${limitMs} ms${failure ? ` (last failure: ${String(failure)})` : ''}`,
  );
}

/**
 * The delays' figures (median, p99, max, min; polls), then the goal: every change followed (none of
 * `unfollowed`), each within PROPAGATION_GOAL_MS.
 */
export function reportPropagation(name: string, results: readonly Followed[], { unfollowed = 0 } = {}): void {
  const sorted = results.map((result) => result.delayMs).sort((a, b) => a - b);
  const polls = results.map((result) => result.polls).sort((a, b) => a - b);
  const max = sorted[sorted.length - 1];
  report(name, { metric: 'trials', value: results.length, unit: 'count' });
  report(name, { metric: 'median', value: percentile(sorted, 50), unit: 'ms' });
  report(name, { metric: 'p99', value: percentile(sorted, 99), unit: 'ms' });
  report(name, { metric: 'max', value: max, unit: 'ms' });
  report(name, { metric: 'min', value: sorted[0], unit: 'ms' });
  const answers = results.map((result) => result.answerMs).sort((a, b) => a - b);
  report(name, { metric: 'following-answer-median', value: percentile(answers, 50), unit: 'ms' });
  // 1: the very first answer after the change's reply already followed it.
  report(name, { metric: 'polls-median', value: percentile(polls, 50), unit: 'count' });
  report(name, { metric: 'polls-max', value: polls[polls.length - 1], unit: 'count' });
  if (unfollowed > 0) report(name, { metric: 'unfollowed', value: unfollowed, unit: 'count' });
  goal(
    name,
    `every trial followed within ${PROPAGATION_GOAL_MS} ms (max)`,
    unfollowed === 0 && max <= PROPAGATION_GOAL_MS,
  );
}
