import os from 'node:os';
/** Prints one figure in the form every benchmark uses: `BENCH <name> <metric> <value> <unit>`. */
export function report(name: string, { metric, value, unit }: { metric: string; value: number; unit: string }): void {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 3 : 1);
  console.log(`BENCH ${name} ${metric} ${shown} ${unit}`);
}

/** The machine's 1-minute load average, printed beside a benchmark's figures. */
export function reportLoadAverage(name: string): void {
  report(name, { metric: 'load-average-1min', value: os.loadavg()[0], unit: '' });
}

/** Records whether a goal is met; the process exits 1 at the end if any is missed. */
export function goal(name: string, description: string, met: boolean): void {
  console.log(`# ${name}: goal ${description}: ${met ? 'met' : 'MISSED'}`);
  if (!met) process.exitCode = 1;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** Times `fn` once per sample after a warm-up; returns the sorted durations in microseconds. */
export function sampleMicros(fn: (i: number) => unknown, samples: number, warmup = Math.min(1000, samples)): number[] {
  let sink = 0;
  for (let i = 0; i < warmup; i++) if (fn(i)) sink++;
  const durations = new Array<number>(samples);
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    if (fn(i)) sink++;
    durations[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  if (sink < 0) console.log(sink); // keeps the results observable
  return durations.sort((a, b) => a - b);
}

/** Wall time of one run of `fn`, in milliseconds, after a full GC when available. */
export function timeMillis(fn: () => unknown): number {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
