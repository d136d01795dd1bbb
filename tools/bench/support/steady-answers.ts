// Background load for a benchmark, in a process of its own (so it does not hold up the bench's own
// measurements): signed answer webhooks for new calls, `rate` a second, each to a hotline of `numbers`
// in turn, at most MAX_IN_FLIGHT waiting at once (a request due beyond that is counted as skipped).
// The parent sends `SteadyAnswersStart` (IPC), then `'stop'`; it replies `SteadyAnswersReport` and exits.
import { signVonageWebhook } from '@dutyline/vonage/testing';
import { answerQuery } from './gateway-process';
import { percentile } from './measure';

export interface SteadyAnswersStart {
  /** A gateway on 127.0.0.1. */
  readonly url: string;
  /** Answers a second. */
  readonly rate: number;
  readonly secret: string;
  /** Each call's uuid is `<uuidPrefix><n>` (the calls to remove afterwards). */
  readonly uuidPrefix: string;
  readonly numbers: readonly string[];
}

export interface SteadyAnswersReport {
  readonly seconds: number;
  readonly answered: number;
  readonly failed: number;
  readonly skipped: number;
  /** Of the answered, in ms. */
  readonly p50: number;
  readonly p99: number;
  readonly firstError: string | null;
}

const MAX_IN_FLIGHT = 64;
const TICK_MS = 10;

function run(start: SteadyAnswersStart): () => Promise<SteadyAnswersReport> {
  if (new URL(start.url).hostname !== '127.0.0.1') throw new Error(`load is only sent to 127.0.0.1, not ${start.url}`);
  const began = performance.now();
  const latencies: number[] = [];
  const pending = new Set<Promise<void>>();
  let [due, failed, skipped] = [0, 0, 0];
  let firstError: string | null = null;
  const answer = async (n: number) => {
    const number = start.numbers[n % start.numbers.length];
    const query = answerQuery(number, `+3368${String(n % 100_000_000).padStart(8, '0')}`, `${start.uuidPrefix}${n}`);
    const sentAt = performance.now();
    try {
      const response = await fetch(`${start.url}/vonage/answer?${query}`, {
        headers: { authorization: signVonageWebhook({ secret: start.secret, issuedAt: Date.now(), rawQuery: query }) },
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      latencies.push(performance.now() - sentAt);
    } catch (error) {
      failed += 1;
      firstError ??= String(error);
    }
  };
  const timer = setInterval(() => {
    for (const target = Math.floor(((performance.now() - began) / 1000) * start.rate); due < target; due++) {
      if (pending.size >= MAX_IN_FLIGHT) {
        skipped += 1;
        continue;
      }
      const sent = answer(due).finally(() => pending.delete(sent));
      pending.add(sent);
    }
  }, TICK_MS);
  return async () => {
    clearInterval(timer);
    const seconds = (performance.now() - began) / 1000;
    await Promise.all(pending);
    const sorted = latencies.sort((a, b) => a - b);
    const [p50, p99] = [percentile(sorted, 50), percentile(sorted, 99)];
    return { seconds, answered: sorted.length, failed, skipped, p50, p99, firstError };
  };
}

let stop: (() => Promise<SteadyAnswersReport>) | undefined;
process.on('message', (message: SteadyAnswersStart | 'stop') => {
  if (message !== 'stop') stop = run(message);
  else if (stop) void stop().then((report) => process.send!(report, () => process.exit(0)));
});
