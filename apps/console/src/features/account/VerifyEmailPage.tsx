import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Group, Loader, Text } from '@mantine/core';
import { useSession } from '../../app/session';
import { fieldErrors } from '../../lib/errors';
import { PublicFrame, tokenFrom } from './PublicFrame';
import { VerifyEmailDocument } from './public-documents';
import './register-i18n';

/** `/verify-email?token=…`: verifies the address as soon as the page opens, then says how it went. */
export function VerifyEmailPage() {
  const { t } = useTranslation('account');
  const [params] = useSearchParams();
  const token = tokenFrom(params);
  const { session } = useSession();
  const [result, verify] = useMutation(VerifyEmailDocument);
  const asked = useRef(false);

  useEffect(() => {
    // Once, even when React runs effects twice in development: a token works a single time.
    if (!token || asked.current) return;
    asked.current = true;
    void verify({ token });
  }, [token, verify]);

  const errors = fieldErrors(result.error);
  const footer = (
    <Anchor component={Link} to="/">
      {session ? t('public.openConsole') : t('public.backToSignIn')}
    </Anchor>
  );
  let body;
  if (!token) body = <Text>{t('verify.missing')}</Text>;
  else if (result.data?.verifyEmail)
    body = (
      <Alert color="green" role="status">
        {t('verify.verified')}
      </Alert>
    );
  else if (errors.length > 0 || result.data?.verifyEmail === false) {
    const general = errors.find((e) => e.code !== 'INVALID_TOKEN');
    body = (
      <Alert color="red" role="alert">
        {general?.message ?? t('verify.invalid')}
      </Alert>
    );
  } else {
    body = (
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text>{t('verify.verifying')}</Text>
      </Group>
    );
  }
  return (
    <PublicFrame title={t('verify.title')} footer={footer}>
      {body}
    </PublicFrame>
  );
}
