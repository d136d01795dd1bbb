/** Runs something later; how time budgets run out. Tests pass one they control. */
export interface Timer {
  /** Calls `callback` once after `ms` milliseconds; the returned function cancels it. */
  schedule(ms: number, callback: () => void): () => void;
}

/** The process's timers; a pending one never keeps the process alive. */
export const systemTimer: Timer = {
  schedule(ms, callback) {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return () => clearTimeout(handle);
  },
};
