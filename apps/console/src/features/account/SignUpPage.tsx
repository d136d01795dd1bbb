import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { FormErrors } from '../../components/FormErrors';
import { errorAt, fieldErrors, generalErrors } from '../../lib/errors';
import { PublicFrame } from './PublicFrame';
import { SignUpDocument } from './public-documents';
import './register-i18n';

const FIELDS = ['accountName', 'name', 'email', 'password'];

/**
 * `/sign-up`: a new account and its admin. The console cannot know whether the operator opened sign-up
 * without trying, so the form is always there and SIGNUP_CLOSED is said in words.
 */
export function SignUpPage() {
  const { t } = useTranslation('account');
  const [input, setInput] = useState({ accountName: '', name: '', email: '', password: '' });
  const [result, signUp] = useMutation(SignUpDocument);
  const [done, setDone] = useState<{ email: string; emailSent: boolean } | null>(null);
  const errors = fieldErrors(result.error);
  const closed = errors.some((e) => e.code === 'SIGNUP_CLOSED');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await signUp({
      input: { ...input, accountName: input.accountName.trim(), name: input.name.trim(), email: input.email.trim() },
    });
    if (answer.data) setDone({ email: input.email.trim(), emailSent: answer.data.signUp.emailSent });
  }
  const field = (key: keyof typeof input) => ({
    value: input[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setInput((i) => ({ ...i, [key]: value }));
    },
    error: errorAt(errors, key),
  });

  if (done) {
    return (
      <PublicFrame title={t('signUp.title')}>
        <Alert color="green" role="status">
          <Stack gap={4}>
            <Text size="sm">{t('signUp.done')}</Text>
            {done.emailSent && <Text size="sm">{t('signUp.emailSent', { email: done.email })}</Text>}
          </Stack>
        </Alert>
        <Button component={Link} to="/">
          {t('signUp.signIn')}
        </Button>
      </PublicFrame>
    );
  }
  return (
    <PublicFrame
      title={t('signUp.title')}
      onSubmit={submit}
      footer={
        <Anchor component={Link} to="/">
          {t('signUp.haveAccount')}
        </Anchor>
      }
    >
      {closed ? (
        <Alert color="yellow" role="alert">
          {t('signUp.closed')}
        </Alert>
      ) : (
        <FormErrors errors={generalErrors(errors, FIELDS)} />
      )}
      <TextInput
        label={t('signUp.accountName')}
        placeholder={t('signUp.accountNamePlaceholder')}
        autoComplete="organization"
        required
        {...field('accountName')}
      />
      <TextInput label={t('signUp.name')} autoComplete="name" required {...field('name')} />
      <TextInput label={t('signUp.email')} type="email" autoComplete="username" required {...field('email')} />
      <PasswordInput
        label={t('signUp.password')}
        description={t('signUp.passwordHint')}
        autoComplete="new-password"
        required
        {...field('password')}
      />
      <Button type="submit" loading={result.fetching} disabled={closed}>
        {t('signUp.submit')}
      </Button>
    </PublicFrame>
  );
}
