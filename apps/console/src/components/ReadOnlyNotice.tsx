import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The notice a member sees above what they may read but not change. */
export function ReadOnlyNotice() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" role="note">
      {t('readOnly')}
    </Alert>
  );
}
