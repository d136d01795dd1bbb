import type { Result } from '@dutyline/domain';
import type { Connection } from '../graphql/pagination';
import { Refusal, inArgument, valueOrRefuse } from '../graphql/refusals';

/**
 * Runs a use case and answers its value; a refusal (`Result` error) or a ValidationError is thrown
 * with its field nested under the GraphQL argument it came from (`input` → `input.slots[2].end`),
 * or as is for top-level arguments (`argument` null: `hotlineId`, `from`).
 */
export function settled<T, E extends Refusal>(argument: string | null, run: () => Promise<Result<T, E>>): Promise<T> {
  if (argument === null) return run().then((result) => valueOrRefuse(result));
  return inArgument(argument, async () => valueOrRefuse(await run()));
}

/**
 * GraphQL hands explicit nulls for optional fields the client set to null; the use cases read an
 * absent field as "keep" or "default", and null only where it means "remove" (`keepNull`).
 */
export function withoutNulls<T extends object>(
  input: T,
  keepNull: readonly string[] = [],
): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(
    Object.entries(input).filter(([key, value]) => value !== undefined && (value !== null || keepNull.includes(key))),
  ) as never;
}

/** The same page with each node turned into its GraphQL model. */
export function mapNodes<T, M>(connection: Connection<T>, model: (node: T) => M): Connection<M> {
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: model(edge.node) })) };
}
