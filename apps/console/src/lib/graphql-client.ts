import { Client, cacheExchange, fetchExchange, mapExchange, type CombinedError } from 'urql';

export const GRAPHQL_PATH = '/graphql';

/** True when the server no longer accepts the session (expired, revoked, signed out elsewhere). */
export function isUnauthenticated(error: CombinedError | undefined): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/**
 * One urql client per session. POST only (Apollo's CSRF guard refuses simple GETs), the token as a bearer
 * header, and `onUnauthenticated` when any answer says the session is gone.
 */
export function createGraphqlClient(token: string | null, onUnauthenticated: () => void): Client {
  return new Client({
    url: GRAPHQL_PATH,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({
      headers: { 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }),
    exchanges: [
      mapExchange({
        onError(error) {
          if (token && isUnauthenticated(error)) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
