import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { graphql } from '../../gql';
import { useSession } from '../../app/session';
import { errorAt, fieldErrors, generalErrors } from '../../lib/errors';

const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!, $accountId: ID) {
    login(email: $email, password: $password, accountId: $accountId) {
      token
      expiresAt
    }
  }
`);

/** E-mail and password; the account id only when the server asks for it. */
export function SignInPage() {
  const { t } = useTranslation('auth');
  const { signIn, signedOutReason } = useSession();
  // Set by the reset-password page when it sends the user here.
  const passwordReset = (useLocation().state as { notice?: string } | null)?.notice === 'passwordReset';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [accountId, setAccountId] = useState('');
  const [result, login] = useMutation(LoginDocument);
  const errors = fieldErrors(result.error);
  const needsAccount = errors.some((e) => e.code === 'ACCOUNT_REQUIRED') || accountId !== '';
  const tooMany = result.error?.graphQLErrors.find((e) => e.extensions?.code === 'TOO_MANY_REQUESTS');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await login({ email, password, accountId: accountId || null });
    if (answer.data) signIn({ token: answer.data.login.token, expiresAt: answer.data.login.expiresAt });
  }

  const general = generalErrors(errors, ['email', 'password', 'accountId']).filter(
    (e) => e.code !== 'ACCOUNT_REQUIRED',
  );
  return (
    <Center mih="100vh" p="md">
      <Paper
        component="form"
        onSubmit={submit}
        withBorder
        shadow="sm"
        p="xl"
        w={380}
        maw="100%"
        aria-labelledby="sign-in-title"
      >
        <Stack>
          <Title order={1} size="h3" id="sign-in-title">
            {t('title')}
          </Title>
          {signedOutReason === 'expired' && <Alert color="yellow">{t('expired')}</Alert>}
          {signedOutReason === 'signedOut' && <Alert color="blue">{t('signedOut')}</Alert>}
          {passwordReset && (
            <Alert color="green" role="status">
              {t('passwordReset')}
            </Alert>
          )}
          {tooMany ? (
            <Alert color="red" role="alert">
              {t('tooMany', {
                seconds:
                  (tooMany.extensions?.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60,
              })}
            </Alert>
          ) : (
            general.map((e) => (
              <Alert key={e.message} color="red" role="alert">
                {e.message}
              </Alert>
            ))
          )}
          <TextInput
            label={t('email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errorAt(errors, 'email')}
          />
          <PasswordInput
            label={t('password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errorAt(errors, 'password')}
          />
          {needsAccount && (
            <TextInput
              label={t('accountId')}
              description={t('accountIdHint')}
              value={accountId}
              onChange={(e) => setAccountId(e.currentTarget.value)}
              error={errorAt(errors, 'accountId')}
            />
          )}
          <Button type="submit" loading={result.fetching}>
            {t('submit')}
          </Button>
          <Group justify="space-between" gap="xs">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('forgot')}
            </Anchor>
            <Anchor component={Link} to="/sign-up" size="sm">
              {t('signUp')}
            </Anchor>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
