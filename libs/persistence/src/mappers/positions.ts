/** Child rows (numbers, members, supervisors, levels) in their stored order. */
export const byPosition = <R extends { position: number }>(rows: readonly R[]): R[] =>
  [...rows].sort((a, b) => a.position - b.position);
