import { Navigate } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Center, Loader, Text } from '@mantine/core';
import { graphql } from '../gql';

const FirstHotlineDocument = graphql(`
  query FirstHotline {
    hotlines(first: 1) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

/** The console opens on the schedule board of the account's first hotline. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: FirstHotlineDocument });
  if (!data)
    return (
      <Center p="xl">
        <Loader aria-label={t('loading')} />
      </Center>
    );
  const first = data.hotlines.edges[0]?.node.id;
  if (!first) return <Navigate to="/hotlines" replace />;
  return <Navigate to={`/hotlines/${first}/schedule`} replace />;
}

export function NoHotline() {
  const { t } = useTranslation();
  return <Text>{t('noHotline')}</Text>;
}
