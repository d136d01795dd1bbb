import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { graphql } from '../gql';
import { createGraphqlClient } from '../lib/graphql-client';
import { readSession, writeSession, type StoredSession } from '../lib/session';

/** Why the user is on the sign-in page: a session that ended by itself, or an explicit sign-out. */
export type SignedOutReason = 'expired' | 'signedOut' | null;

interface SessionState {
  readonly session: StoredSession | null;
  readonly signedOutReason: SignedOutReason;
  signIn(session: StoredSession): void;
  signOut(reason?: Exclude<SignedOutReason, null>): void;
}

const SessionContext = createContext<SessionState | null>(null);

const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** Keeps the login token (localStorage, so a reload keeps the session) and one GraphQL client per token. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<StoredSession | null>(() => readSession());
  const [signedOutReason, setSignedOutReason] = useState<SignedOutReason>(null);

  const signIn = useCallback((next: StoredSession) => {
    writeSession(next);
    setSignedOutReason(null);
    setSession(next);
  }, []);
  const endLocally = useCallback((reason: Exclude<SignedOutReason, null>) => {
    writeSession(null);
    setSignedOutReason(reason);
    setSession(null);
  }, []);

  const client = useMemo(
    () => createGraphqlClient(session?.token ?? null, () => endLocally('expired')),
    [session, endLocally],
  );
  /** An explicit sign-out ends the token on the server too (every instance refuses it from then on). */
  const signOut = useCallback(
    (reason: Exclude<SignedOutReason, null> = 'signedOut') => {
      if (reason === 'signedOut' && session) {
        void client
          .mutation(SignOutDocument, {})
          .toPromise()
          .finally(() => endLocally(reason));
      } else endLocally(reason);
    },
    [client, session, endLocally],
  );
  const state = useMemo(
    () => ({ session, signedOutReason, signIn, signOut }),
    [session, signedOutReason, signIn, signOut],
  );
  return (
    <SessionContext.Provider value={state}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
