import { Timer } from '../ports';

/**
 * Every time budget runs out at the next turn of the event loop, whatever its length: an in-memory
 * fake answers within it (promises only), a fake left `hanging` does not. No wall-clock wait.
 */
export const nextTurnTimer: Timer = {
  schedule(_ms, callback) {
    const handle = setImmediate(callback);
    return () => clearImmediate(handle);
  },
};
