import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Alert, Button, CopyButton, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DeleteConfirmation } from '../../components/DeleteConfirmation';
import { FormErrors } from '../../components/FormErrors';
import { QueryFallback } from '../../components/QueryFallback';
import type { ApiKeyFieldsFragment, Role } from '../../gql/graphql';
import { errorAt, fieldErrors, generalErrors } from '../../lib/errors';
import { DataTable, type Column } from './DataTable';
import { ApiKeysDocument, CreateApiKeyDocument, RevokeApiKeyDocument } from './documents';
import { roleOptions } from './roles';
import { FormCard, Section } from './Section';
import { formatInstant } from './time';

type ApiKey = ApiKeyFieldsFragment;

/** Admins create keys (the secret shown this once) and revoke them; revoked keys stay listed. */
export function ApiKeysSection({ zone }: { zone: string }) {
  const { t, i18n } = useTranslation('account');
  const [{ data, error }] = useQuery({
    query: ApiKeysDocument,
    context: useMemo(() => ({ additionalTypenames: ['ApiKey'] }), []),
  });
  const [revokeResult, revoke] = useMutation(RevokeApiKeyDocument);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const at = (instant: string) => formatInstant(instant, zone, i18n.language);

  async function confirmRevoke() {
    if (!revoking) return;
    const answer = await revoke({ id: revoking.id });
    if (answer.data) setRevoking(null);
  }

  const columns: Column<ApiKey>[] = [
    {
      key: 'name',
      label: t('apiKeys.name'),
      render: (k) => (
        <Text span size="sm" fw={500}>
          {k.name}
        </Text>
      ),
    },
    {
      key: 'prefix',
      label: t('apiKeys.prefix'),
      render: (k) => (
        <Text span size="sm" ff="monospace">
          {k.prefix}…
        </Text>
      ),
    },
    { key: 'role', label: t('apiKeys.role'), render: (k) => t(`role.${k.role}`) },
    { key: 'created', label: `${t('apiKeys.created')} (${zone})`, render: (k) => at(k.createdAt) },
    {
      key: 'used',
      label: `${t('apiKeys.lastUsed')} (${zone})`,
      render: (k) => (k.lastUsedAt ? at(k.lastUsedAt) : t('apiKeys.never')),
    },
    {
      key: 'actions',
      label: t('apiKeys.revoke'),
      actions: true,
      render: (k) =>
        k.revokedAt ? (
          <Text span size="sm" c="dimmed">
            {t('apiKeys.revokedAt', { at: at(k.revokedAt) })}
          </Text>
        ) : (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            aria-label={t('apiKeys.revokeOf', { name: k.name })}
            onClick={() => setRevoking(k)}
          >
            {t('apiKeys.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <Stack gap="lg">
      <CreateKeyForm />
      <Section id="keys-title" title={t('apiKeys.list')}>
        <FormErrors errors={fieldErrors(revokeResult.error)} />
        {revoking && (
          <DeleteConfirmation
            question={t('apiKeys.revokeQuestion', { name: revoking.name })}
            confirmLabel={t('apiKeys.revokeConfirm')}
            busy={revokeResult.fetching}
            onConfirm={() => void confirmRevoke()}
            onCancel={() => setRevoking(null)}
          />
        )}
        {data ? (
          <DataTable
            label={t('apiKeys.list')}
            columns={columns}
            rows={data.apiKeys}
            rowKey={(k) => k.id}
            rowLabel={(k) => k.name}
            empty={t('apiKeys.none')}
          />
        ) : (
          <QueryFallback error={error} />
        )}
      </Section>
    </Stack>
  );
}

/** What the key is for and its role; then the secret, once, with a copy button, until dismissed. */
function CreateKeyForm() {
  const { t } = useTranslation('account');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('MEMBER');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [result, create] = useMutation(CreateApiKeyDocument);
  const errors = fieldErrors(result.error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await create({ input: { name: name.trim(), role } });
    if (!answer.data) return;
    setCreated({ name: answer.data.createApiKey.apiKey.name, key: answer.data.createApiKey.key });
    setName('');
  }

  return (
    <FormCard
      id="new-key-title"
      title={t('apiKeys.create')}
      intro={t('apiKeys.intro')}
      onSubmit={submit}
      submitLabel={t('apiKeys.submit')}
      busy={result.fetching}
      errors={generalErrors(errors, ['name', 'role'])}
    >
      {created && (
        <Alert color="yellow" variant="light" role="status" title={t('apiKeys.secretTitle', { name: created.name })}>
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('apiKeys.secretWarning')}
            </Text>
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                label={t('apiKeys.secretLabel')}
                value={created.key}
                readOnly
                onFocus={(e) => e.currentTarget.select()}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                style={{ flex: 1, minWidth: 0 }}
              />
              <CopyButton value={created.key}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} onClick={copy}>
                    {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Group justify="flex-end">
              <Button size="xs" variant="subtle" onClick={() => setCreated(null)}>
                {t('apiKeys.done')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('apiKeys.name')}
          placeholder={t('apiKeys.namePlaceholder')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errorAt(errors, 'name')}
        />
        <Select
          label={t('apiKeys.role')}
          data={roleOptions(t)}
          value={role}
          allowDeselect={false}
          onChange={(value) => value && setRole(value as Role)}
          error={errorAt(errors, 'role')}
        />
      </SimpleGrid>
    </FormCard>
  );
}
