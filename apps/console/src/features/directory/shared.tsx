import { useState } from 'react';
import { useMutation, type CombinedError, type TypedDocumentNode } from 'urql';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ColorInput, Group, Stack } from '@mantine/core';
import { DeleteConfirmation } from '../../components/DeleteConfirmation';

/** Distinct colours offered first (the demo's people and teams use the first ones). */
const COLOUR_SWATCHES = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#393b79',
  '#637939',
  '#8c6d31',
  '#843c39',
  '#7b4173',
  '#3182bd',
];

interface ColourFieldProps {
  /** A new person or team: left empty, the server picks the next colour nobody uses. */
  readonly isNew: boolean;
  readonly value: string;
  readonly onChange: (colour: string) => void;
  readonly error?: string;
  readonly disabled: boolean;
}

/** The colour of a person or team on the board: a picker with swatches, or a typed `#rrggbb`. */
export function ColourField({ isNew, value, onChange, error, disabled }: ColourFieldProps) {
  const { t } = useTranslation('directory');
  return (
    <ColorInput
      label={t('colour')}
      description={isNew ? t('colourDefault') : undefined}
      placeholder={t('colourPlaceholder')}
      format="hex"
      swatches={COLOUR_SWATCHES}
      swatchesPerRow={8}
      withEyeDropper={false}
      value={value}
      onChange={onChange}
      error={error}
      disabled={disabled}
    />
  );
}

interface EditorFooterProps {
  readonly kind: 'person' | 'team';
  /** Absent for something not saved yet (nothing to delete). */
  readonly name: string | undefined;
  readonly canEdit: boolean;
  readonly saving: boolean;
  /** From useDeleteEntry. */
  readonly deletion: ReturnType<typeof useDeleteEntry>;
  readonly onCancel: () => void;
}

/** Save and cancel on the right, delete (with its confirmation and the server's refusal) on the left; members only close. */
export function EditorFooter({ kind, name, canEdit, saving, deletion, onCancel }: EditorFooterProps) {
  const { remove: onDelete, refusal, deleting } = deletion;
  const { t } = useTranslation('directory');
  const [confirming, setConfirming] = useState(false);
  if (!canEdit) {
    return (
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common:close')}
        </Button>
      </Group>
    );
  }
  const deleteLabel = t(`${kind}.delete`);
  return (
    <Stack gap="sm">
      {refusal && (
        <Alert color="red" role="alert" title={t(`${kind}.deleteRefused`)}>
          {refusal}
        </Alert>
      )}
      {confirming && onDelete ? (
        <DeleteConfirmation
          question={t(`${kind}.deleteQuestion`, { name })}
          confirmLabel={deleteLabel}
          busy={deleting}
          onConfirm={() => {
            setConfirming(false);
            onDelete();
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <Group justify="space-between" align="center" wrap="wrap" gap="sm">
          {onDelete ? (
            <Button variant="subtle" color="red" onClick={() => setConfirming(true)} loading={deleting}>
              {deleteLabel}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm" ml="auto">
            <Button variant="default" onClick={onCancel}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('common:save')}
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}

/**
 * Deleting a person or team from its editor: `remove` (absent before it is saved) closes the editor
 * once done; `refusal` is the server's refusal in words (what still names it).
 */
export function useDeleteEntry({
  kind,
  entry,
  document,
  onClose,
  describeUsage,
}: {
  kind: 'person' | 'team';
  entry: { id: string; name: string } | null;
  document: TypedDocumentNode<unknown, { id: string }>;
  onClose: () => void;
  describeUsage: (name: string, error: CombinedError) => string | null;
}) {
  const { t } = useTranslation('directory');
  const [result, run] = useMutation(document);
  const remove = entry
    ? async () => {
        const answer = await run({ id: entry.id });
        if (answer.error) return;
        notifications.show({ message: t(`${kind}.deleted`, { name: entry.name }) });
        onClose();
      }
    : undefined;
  const error = result.error;
  const refusal = error
    ? (describeUsage(entry?.name ?? '', error) ?? error.graphQLErrors[0]?.message ?? error.message)
    : null;
  return { remove, refusal, deleting: result.fetching };
}
