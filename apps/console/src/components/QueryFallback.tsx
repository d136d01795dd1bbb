import type { CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Alert, Center, Loader } from '@mantine/core';

/** What a screen shows until its query answers: a loader, or the error that stopped it. */
export function QueryFallback({ error }: { error?: CombinedError }) {
  const { t } = useTranslation();
  return error ? (
    <Alert color="red" role="alert">
      {error.graphQLErrors[0]?.message ?? error.message}
    </Alert>
  ) : (
    <Center p="xl">
      <Loader aria-label={t('loading')} />
    </Center>
  );
}
