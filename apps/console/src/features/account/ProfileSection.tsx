import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Card, Group, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMe } from '../../app/me';
import { useSession } from '../../app/session';
import { errorAt, fieldErrors, generalErrors } from '../../lib/errors';
import { ChangePasswordDocument, SendEmailVerificationDocument } from './documents';
import { FormCard } from './Section';

/** Who I am in this account, and my password. */
export function ProfileSection() {
  const { t } = useTranslation('account');
  const { me } = useMe();
  const rows: [string, ReactNode][] = [
    [t('profile.name'), me.user?.name],
    [
      t('profile.email'),
      <Group gap="xs" key="email" wrap="wrap">
        <Text span>{me.user?.email}</Text>
        {me.user && (
          <Badge size="sm" variant="light" color={me.user.emailVerified ? 'green' : 'yellow'}>
            {me.user.emailVerified ? t('profile.verified') : t('profile.unverified')}
          </Badge>
        )}
        {me.user?.emailVerified === false && <ResendVerificationButton email={me.user.email} />}
      </Group>,
    ],
    [t('profile.role'), `${t(`role.${me.role}`)} — ${t(`roleHint.${me.role}`)}`],
    [t('profile.account'), me.account.name],
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Card withBorder padding="lg" component="section" aria-labelledby="profile-title">
        <Title order={2} size="h4" id="profile-title" mb="sm">
          {t('profile.title')}
        </Title>
        <Stack gap="sm" component="dl" m={0}>
          {rows.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
                {label}
              </Text>
              <Text component="dd" m={0}>
                {value}
              </Text>
            </div>
          ))}
        </Stack>
      </Card>
      {me.user && <ChangePasswordForm />}
    </SimpleGrid>
  );
}

/** A new verification link for my unverified address. */
function ResendVerificationButton({ email }: { email: string }) {
  const { t } = useTranslation('account');
  const [result, send] = useMutation(SendEmailVerificationDocument);
  async function resend() {
    const answer = await send({});
    if (answer.error) notifications.show({ color: 'red', message: fieldErrors(answer.error)[0]?.message });
    else
      notifications.show({
        color: 'green',
        message: answer.data?.sendEmailVerification ? t('profile.resent', { email }) : t('profile.alreadyVerified'),
      });
  }
  return (
    <Button size="compact-xs" variant="light" loading={result.fetching} onClick={() => void resend()}>
      {t('profile.resend')}
    </Button>
  );
}

/** Current and new password; the server ends every session of mine and gives this one a fresh token. */
function ChangePasswordForm() {
  const { t } = useTranslation('account');
  const { signIn } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [result, change] = useMutation(ChangePasswordDocument);
  const errors = fieldErrors(result.error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await change({ currentPassword: current, newPassword: next });
    if (!answer.data) return;
    // Outside the console's tree (it starts again with the new token), so the confirmation stays in sight.
    notifications.show({ color: 'green', message: t('password.changed'), autoClose: 8000 });
    signIn({ token: answer.data.changePassword.token, expiresAt: answer.data.changePassword.expiresAt });
  }

  return (
    <FormCard
      id="password-title"
      title={t('password.title')}
      intro={t('password.intro')}
      onSubmit={submit}
      submitLabel={t('password.submit')}
      busy={result.fetching}
      errors={generalErrors(errors, ['currentPassword', 'newPassword'])}
    >
      <PasswordInput
        label={t('password.current')}
        autoComplete="current-password"
        required
        value={current}
        onChange={(e) => setCurrent(e.currentTarget.value)}
        error={errorAt(errors, 'currentPassword')}
      />
      <PasswordInput
        label={t('password.next')}
        description={t('password.nextHint')}
        autoComplete="new-password"
        required
        value={next}
        onChange={(e) => setNext(e.currentTarget.value)}
        error={errorAt(errors, 'newPassword')}
      />
    </FormCard>
  );
}
