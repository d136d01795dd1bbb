import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Button, PasswordInput, Text } from '@mantine/core';
import { FormErrors } from '../../components/FormErrors';
import { errorAt, fieldErrors, generalErrors } from '../../lib/errors';
import { PublicFrame, tokenFrom } from './PublicFrame';
import { ResetPasswordDocument } from './public-documents';
import './register-i18n';

/** Router state the sign-in page reads to say the password changed (a reload forgets it). */
const PASSWORD_RESET_NOTICE = 'passwordReset';

/** `/reset-password?token=…`: the new password twice; then the sign-in page, with a message. */
export function ResetPasswordPage() {
  const { t } = useTranslation('account');
  const [params] = useSearchParams();
  const token = tokenFrom(params);
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [result, reset] = useMutation(ResetPasswordDocument);
  const errors = fieldErrors(result.error);
  const invalid = errors.some((e) => e.code === 'INVALID_TOKEN');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const answer = await reset({ input: { token, password } });
    if (answer.data?.resetPassword) void navigate('/', { replace: true, state: { notice: PASSWORD_RESET_NOTICE } });
  }

  if (!token || invalid) {
    return (
      <PublicFrame title={t('reset.title')}>
        {token ? (
          <Alert color="red" role="alert">
            {t('reset.invalid')}
          </Alert>
        ) : (
          <Text>{t('reset.missing')}</Text>
        )}
        <Anchor component={Link} to="/forgot-password">
          {t('reset.askAgain')}
        </Anchor>
      </PublicFrame>
    );
  }
  return (
    <PublicFrame title={t('reset.title')} onSubmit={submit}>
      <Text size="sm">{t('reset.intro')}</Text>
      <FormErrors errors={generalErrors(errors, ['password'])} />
      <PasswordInput
        label={t('reset.password')}
        description={t('reset.passwordHint')}
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => {
          setPassword(e.currentTarget.value);
          setMismatch(false);
        }}
        error={errorAt(errors, 'password')}
      />
      <PasswordInput
        label={t('reset.confirm')}
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => {
          setConfirm(e.currentTarget.value);
          setMismatch(false);
        }}
        error={mismatch ? t('public.passwordsDiffer') : undefined}
      />
      <Button type="submit" loading={result.fetching}>
        {t('reset.submit')}
      </Button>
    </PublicFrame>
  );
}
