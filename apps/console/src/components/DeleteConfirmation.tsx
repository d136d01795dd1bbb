import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface DeleteConfirmationProps {
  /** e.g. "Delete Hugo Durand? This cannot be undone." */
  readonly question: string;
  /** The confirming button, e.g. "Delete person". */
  readonly confirmLabel: string;
  readonly busy?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** The second step of a delete: the question and the two answers, in place of the button that asked. */
export function DeleteConfirmation({ question, confirmLabel, busy, onConfirm, onCancel }: DeleteConfirmationProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alertdialog" aria-label={question}>
      <Text size="sm" mb="sm">
        {question}
      </Text>
      <Group gap="sm" justify="flex-end">
        <Button variant="default" onClick={onCancel} autoFocus>
          {t('cancel')}
        </Button>
        <Button color="red" onClick={onConfirm} loading={busy}>
          {confirmLabel}
        </Button>
      </Group>
    </Alert>
  );
}
