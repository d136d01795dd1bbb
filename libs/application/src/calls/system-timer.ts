import type { Timer } from './ports';

/** The process's timers; a pending one never keeps the process alive. */
export const systemTimer: Timer = {
  schedule(ms, callback) {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return () => clearTimeout(handle);
  },
};
