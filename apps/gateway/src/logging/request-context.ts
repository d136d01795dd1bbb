import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line and error of one HTTP request can refer to. */
export interface RequestScope {
  readonly requestId: string;
  /** The GraphQL operation, once known (`query people`, `mutation login`). */
  operation?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** The request being served by the current async call chain, if any. */
export const RequestContext = {
  run: <T>(scope: RequestScope, fn: () => T): T => storage.run(scope, fn),
  current: (): RequestScope | undefined => storage.getStore(),
  requestId: (): string | undefined => storage.getStore()?.requestId,
};
