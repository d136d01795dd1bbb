import { createContext, useContext, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { Center, Loader } from '@mantine/core';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';

const MeDocument = graphql(`
  query Me {
    me {
      role
      account {
        id
        name
      }
      user {
        id
        name
        email
        emailVerified
      }
    }
  }
`);

export type Me = MeQuery['me'];

interface MeState {
  readonly me: Me;
  /** Admins and supervisors change schedules and the directory; members only read. */
  readonly canEdit: boolean;
}

const MeContext = createContext<MeState | null>(null);

/** Loads who is signed in once; the rest of the console reads it from here. */
export function MeProvider({ children }: { children: ReactNode }) {
  const [{ data, fetching }] = useQuery({ query: MeDocument, requestPolicy: 'network-only' });
  if (!data) {
    return (
      <Center h="100vh" aria-busy={fetching}>
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  const canEdit = data.me.role === 'ADMIN' || data.me.role === 'SUPERVISOR';
  return <MeContext.Provider value={{ me: data.me, canEdit }}>{children}</MeContext.Provider>;
}

export function useMe(): MeState {
  const state = useContext(MeContext);
  if (!state) throw new Error('useMe outside MeProvider');
  return state;
}
