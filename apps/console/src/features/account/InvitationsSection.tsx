import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DeleteConfirmation } from '../../components/DeleteConfirmation';
import { FormErrors } from '../../components/FormErrors';
import { QueryFallback } from '../../components/QueryFallback';
import type { InvitationFieldsFragment, Role } from '../../gql/graphql';
import { errorAt, fieldErrors, generalErrors } from '../../lib/errors';
import { DataTable, type Column } from './DataTable';
import {
  InvitationsDocument,
  InviteUserDocument,
  ResendInvitationDocument,
  RevokeInvitationDocument,
} from './invitation-documents';
import { roleOptions } from './roles';
import { FormCard, Section } from './Section';
import { formatInstant, isPast } from './time';

type Invitation = InvitationFieldsFragment;

/** Admins invite a person by e-mail with a role, and resend or revoke pending invitations. */
export function InvitationsSection({ zone }: { zone: string }) {
  const { t, i18n } = useTranslation('account');
  const [{ data, error }, reload] = useQuery({
    query: InvitationsDocument,
    context: useMemo(() => ({ additionalTypenames: ['Invitation'] }), []),
  });
  const [resendResult, resend] = useMutation(ResendInvitationDocument);
  const [revokeResult, revoke] = useMutation(RevokeInvitationDocument);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const rowErrors = fieldErrors(resendResult.error ?? revokeResult.error);

  async function resendTo(invitation: Invitation) {
    setBusy(invitation.id);
    const answer = await resend({ id: invitation.id });
    setBusy(null);
    if (answer.data)
      notifications.show({ color: 'green', message: t('invitations.resent', { email: invitation.email }) });
  }
  async function confirmRevoke() {
    if (!revoking) return;
    const answer = await revoke({ id: revoking.id });
    if (answer.data) setRevoking(null);
  }

  const columns: Column<Invitation>[] = [
    {
      key: 'person',
      label: t('invitations.person'),
      render: (i) => (
        <div>
          <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
            {i.email}
          </Text>
          {i.name && (
            <Text size="xs" c="dimmed">
              {i.name}
            </Text>
          )}
        </div>
      ),
    },
    { key: 'role', label: t('invitations.role'), render: (i) => t(`role.${i.role}`) },
    { key: 'by', label: t('invitations.invitedBy'), render: (i) => i.invitedBy?.name ?? '—' },
    {
      key: 'expires',
      label: `${t('invitations.expires')} (${zone})`,
      render: (i) => (
        <Group gap={6} wrap="nowrap">
          <Text span size="sm">
            {formatInstant(i.expiresAt, zone, i18n.language)}
          </Text>
          {isPast(i.expiresAt) && (
            <Badge size="xs" color="red" variant="light">
              {t('invitations.expired')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'actions',
      label: t('invitations.resend'),
      actions: true,
      render: (i) => (
        <>
          <Button
            size="xs"
            variant="light"
            aria-label={t('invitations.resendTo', { email: i.email })}
            loading={busy === i.id}
            onClick={() => void resendTo(i)}
          >
            {t('invitations.resend')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            aria-label={t('invitations.revokeOf', { email: i.email })}
            onClick={() => setRevoking(i)}
          >
            {t('invitations.revoke')}
          </Button>
        </>
      ),
    },
  ];

  return (
    <Stack gap="lg">
      <InviteForm onKept={() => reload({ requestPolicy: 'network-only' })} />
      <Section id="invitations-title" title={t('invitations.pending')}>
        <FormErrors errors={rowErrors} />
        {revoking && (
          <DeleteConfirmation
            question={t('invitations.revokeQuestion', { email: revoking.email })}
            confirmLabel={t('invitations.revokeConfirm')}
            busy={revokeResult.fetching}
            onConfirm={() => void confirmRevoke()}
            onCancel={() => setRevoking(null)}
          />
        )}
        {data ? (
          <DataTable
            label={t('invitations.pending')}
            columns={columns}
            rows={data.invitations}
            rowKey={(i) => i.id}
            rowLabel={(i) => i.email}
            empty={t('invitations.none')}
          />
        ) : (
          <QueryFallback error={error} />
        )}
      </Section>
    </Stack>
  );
}

/**
 * E-mail, optional name and role; the server's refusal (EMAIL_TAKEN…) at its field. When the mail
 * server refused the e-mail (MAIL_NOT_SENT) the invitation is kept: `onKept` shows it, to be resent.
 */
function InviteForm({ onKept }: { onKept: () => void }) {
  const { t } = useTranslation('account');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('MEMBER');
  const [result, invite] = useMutation(InviteUserDocument);
  const errors = fieldErrors(result.error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await invite({ input: { email: email.trim(), name: name.trim() || null, role } });
    if (fieldErrors(answer.error).some((e) => e.code === 'MAIL_NOT_SENT')) onKept();
    if (!answer.data) return;
    notifications.show({ color: 'green', message: t('invitations.sent', { email: answer.data.inviteUser.email }) });
    setEmail('');
    setName('');
  }

  return (
    <FormCard
      id="invite-title"
      title={t('invitations.invite')}
      intro={t('invitations.inviteIntro')}
      onSubmit={submit}
      submitLabel={t('invitations.send')}
      busy={result.fetching}
      errors={generalErrors(errors, ['email', 'name', 'role'])}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t('invitations.email')}
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errorAt(errors, 'email')}
        />
        <TextInput
          label={t('invitations.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errorAt(errors, 'name')}
        />
        <Select
          label={t('invitations.role')}
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
