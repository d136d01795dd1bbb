import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Text, TextInput } from '@mantine/core';
import { RequestPasswordResetDocument } from './public-documents';
import { PublicFrame } from './PublicFrame';
import './register-i18n';

/** `/forgot-password`: an e-mail address, then the same words whatever the server answered (nothing tells whether it has an account). */
export function ForgotPasswordPage() {
  const { t } = useTranslation('account');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [result, request] = useMutation(RequestPasswordResetDocument);
  const unreachable = result.error?.networkError && result.error.graphQLErrors.length === 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await request({ email: email.trim() });
    // Any answer of the server, a refusal included, gets the same sentence; only an unreachable server is said.
    if (!(answer.error?.networkError && answer.error.graphQLErrors.length === 0)) setSent(true);
  }

  if (sent) {
    return (
      <PublicFrame title={t('forgot.title')}>
        <Alert color="blue" role="status">
          {t('forgot.sent')}
        </Alert>
      </PublicFrame>
    );
  }
  return (
    <PublicFrame title={t('forgot.title')} onSubmit={submit}>
      <Text size="sm">{t('forgot.intro')}</Text>
      {unreachable && (
        <Alert color="red" role="alert">
          {t('common:networkError')}
        </Alert>
      )}
      <TextInput
        label={t('forgot.email')}
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
      />
      <Button type="submit" loading={result.fetching}>
        {t('forgot.submit')}
      </Button>
    </PublicFrame>
  );
}
