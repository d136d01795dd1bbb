import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
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

/** Keeps the login token (localStorage, so a reload keeps the session) and one GraphQL client per token. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<StoredSession | null>(() => readSession());
  const [signedOutReason, setSignedOutReason] = useState<SignedOutReason>(null);

  const signIn = useCallback((next: StoredSession) => {
    writeSession(next);
    setSignedOutReason(null);
    setSession(next);
  }, []);
  const signOut = useCallback((reason: Exclude<SignedOutReason, null> = 'signedOut') => {
    writeSession(null);
    setSignedOutReason(reason);
    setSession(null);
  }, []);

  const client = useMemo(() => createGraphqlClient(session?.token ?? null, () => signOut('expired')), [session, signOut]);
  const state = useMemo(() => ({ session, signedOutReason, signIn, signOut }), [session, signedOutReason, signIn, signOut]);
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
