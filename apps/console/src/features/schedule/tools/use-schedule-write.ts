import { useCallback } from 'react';
import { useClient, type CombinedError, type TypedDocumentNode } from 'urql';
import type { ToolChange, WriteControl } from './types';

/** The answer of one schedule write (a preview or the real one). */
export interface WriteAnswer {
  readonly change?: ToolChange;
  readonly error?: CombinedError;
}

export type ScheduleWrite<I> = (input: I & WriteControl) => Promise<WriteAnswer>;

/**
 * One of the bulk schedule mutations (`applyPattern`, `copyDay`, …) as a function of its input: the
 * dialog adds `mode`, `dryRun` and `expectedVersion`.
 */
export function useScheduleWrite<D, I>(
  document: TypedDocumentNode<D, { input: I }>,
  pick: (data: D) => ToolChange,
): ScheduleWrite<I> {
  const client = useClient();
  return useCallback(
    async (input) => {
      const answer = await client.mutation(document, { input: input as I }).toPromise();
      return { change: answer.data ? pick(answer.data) : undefined, error: answer.error };
    },
    // `pick` is a field accessor written inline by each tool; the document identifies the write.
    [client, document],
  );
}

/** `extensions.details` of the first error with this code, when the server sent one. */
export function errorDetails<T>(error: CombinedError | undefined, code: string): T | undefined {
  const found = error?.graphQLErrors.find((e) => e.extensions?.code === code);
  if (!found) return undefined;
  return (found.extensions?.details ?? {}) as T;
}

export const VERSION_CONFLICT = 'SCHEDULE_VERSION_CONFLICT';
export const SLOT_OVERLAP = 'SLOT_OVERLAP';
