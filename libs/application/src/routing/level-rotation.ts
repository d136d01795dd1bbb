import { Hotline, LevelRotation, RingRotation, balancedLevels } from '@dutyline/domain';

export interface LevelRotationRead {
  /** `next` counts the call (a call being answered); `peek` only looks (the call-path preview). */
  readonly mode: 'next' | 'peek';
  /** A counter not read by then counts as 0. @defaultValue 100 */
  readonly timeoutMs?: number;
  /** Told when a counter could not be read. @defaultValue nothing */
  readonly onError?: (error: unknown) => void;
}

const DEFAULT_TIMEOUT_MS = 100;

/**
 * The round-robin counters of `hotline`'s balanced levels, read together. A counter that fails or
 * does not answer within `timeoutMs` is left out (its level starts at its first person): the call
 * is never held up for the rotation. No balanced level, or no `rotation` port: `{}` at once.
 */
export async function readLevelRotation(
  rotation: RingRotation | undefined,
  hotline: Hotline,
  { mode, timeoutMs = DEFAULT_TIMEOUT_MS, onError }: LevelRotationRead,
): Promise<LevelRotation> {
  const levels = balancedLevels(hotline.levelStrategies);
  if (!rotation || levels.length === 0) return {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  const read = async (level: number): Promise<[number, number] | null> => {
    const counter = { accountId: hotline.accountId, hotlineId: hotline.id, level };
    try {
      const value = await Promise.race([rotation[mode](counter), late]);
      if (value === 'late') throw new Error(`ring rotation of level ${level} not read within ${timeoutMs} ms`);
      return [level, value];
    } catch (error) {
      onError?.(error);
      return null;
    }
  };
  try {
    const counters = await Promise.all(levels.map(read));
    return Object.fromEntries(counters.filter((entry): entry is [number, number] => entry !== null));
  } finally {
    clearTimeout(timer);
  }
}
