import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Center, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useSession } from '../../app/session';
import { FormErrors } from '../../components/FormErrors';
import { errorAt, fieldErrors, generalErrors } from '../../lib/errors';
import { PublicFrame, tokenFrom } from './PublicFrame';
import { AcceptInvitationDocument, InvitationPreviewDocument } from './public-documents';
import { relativeFromNow } from './time';
import './register-i18n';

/** `/accept-invitation?token=…`: the invitation's account, e-mail and role; a name and a password; then signed in. */
export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation('account');
  const [params] = useSearchParams();
  const token = tokenFrom(params);
  const navigate = useNavigate();
  const { signIn } = useSession();
  const [preview] = useQuery({
    query: InvitationPreviewDocument,
    variables: { token },
    pause: !token,
    requestPolicy: 'network-only',
  });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [result, accept] = useMutation(AcceptInvitationDocument);
  const errors = fieldErrors(result.error);
  const refused = errors.some((e) => e.code === 'INVALID_TOKEN');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await accept({ input: { token, name: name.trim(), password } });
    if (!answer.data) return;
    signIn({ token: answer.data.acceptInvitation.token, expiresAt: answer.data.acceptInvitation.expiresAt });
    void navigate('/', { replace: true });
  }

  if (!token) {
    return (
      <PublicFrame title={t('accept.titleUnknown')}>
        <Text>{t('accept.missing')}</Text>
      </PublicFrame>
    );
  }
  if (preview.fetching || (!preview.data && !preview.error)) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  }
  const invitation = preview.data?.invitationPreview;
  if (!invitation || refused) {
    return (
      <PublicFrame title={t('accept.titleUnknown')}>
        <Alert color="red" role="alert">
          {preview.error && !refused
            ? (fieldErrors(preview.error)[0]?.message ?? t('accept.invalid'))
            : t('accept.invalid')}
        </Alert>
      </PublicFrame>
    );
  }

  return (
    <PublicFrame title={t('accept.title', { account: invitation.accountName })} onSubmit={submit}>
      <Stack gap={4}>
        <Text>{t('accept.invitedAs', { role: t(`role.${invitation.role}`) })}</Text>
        <Text size="sm" c="dimmed">
          {t('accept.expires', { relative: relativeFromNow(invitation.expiresAt, i18n.language) })}
        </Text>
      </Stack>
      <FormErrors errors={generalErrors(errors, ['name', 'password'])} />
      <TextInput label={t('accept.email')} value={invitation.email} readOnly autoComplete="username" variant="filled" />
      <TextInput
        label={t('accept.name')}
        autoComplete="name"
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errorAt(errors, 'name')}
      />
      <PasswordInput
        label={t('accept.password')}
        description={t('accept.passwordHint')}
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={errorAt(errors, 'password')}
      />
      <Button type="submit" loading={result.fetching}>
        {t('accept.submit')}
      </Button>
    </PublicFrame>
  );
}
