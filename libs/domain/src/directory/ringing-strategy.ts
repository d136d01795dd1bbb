import { invalid } from '../shared';

/**
 * How the people of one on-call level are rung:
 * - `in-order`: one after the other, as listed (the default);
 * - `balanced`: in order, but the level's first person rotates from call to call (round robin);
 * - `all-at-once`: every enabled number of every person of the level rings together; the first to
 *   take the call wins and the others stop ringing.
 */
export type RingingStrategy = 'in-order' | 'balanced' | 'all-at-once';

export const RINGING_STRATEGIES: readonly RingingStrategy[] = ['in-order', 'balanced', 'all-at-once'];

/** Strategies by level (index 0 = first level), validated; `field` names the list in errors. */
export function levelStrategies(input: readonly string[] | undefined, field: string): RingingStrategy[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) invalid('INVALID_RINGING_STRATEGY', field, 'ringing strategies are a list, one per level');
  return input.map((strategy, i) => {
    if (!RINGING_STRATEGIES.includes(strategy as RingingStrategy)) {
      invalid(
        'INVALID_RINGING_STRATEGY',
        `${field}[${i}]`,
        `"${strategy}" is not one of ${RINGING_STRATEGIES.join(', ')}`,
      );
    }
    return strategy as RingingStrategy;
  });
}

/** The strategy of `level`: levels past the list are rung in order. */
export const strategyOfLevel = (strategies: readonly RingingStrategy[], level: number): RingingStrategy =>
  strategies[level] ?? 'in-order';

/** The levels whose first person rotates: the ones a call reads a rotation counter for. */
export const balancedLevels = (strategies: readonly RingingStrategy[]): number[] =>
  strategies.flatMap((strategy, level) => (strategy === 'balanced' ? [level] : []));
