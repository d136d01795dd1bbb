import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';

interface PublicFrameProps {
  readonly title: string;
  readonly children: ReactNode;
  /** Makes the card a form. */
  readonly onSubmit?: (event: FormEvent) => void;
  /** The link under the card; back to sign-in unless told. */
  readonly footer?: ReactNode;
}

/** The card of a page reachable without a session (as the sign-in page looks), with its way back to sign-in. */
export function PublicFrame({ title, children, onSubmit, footer }: PublicFrameProps) {
  const { t } = useTranslation(['account', 'common']);
  return (
    <Center mih="100vh" p="md">
      <Stack w={420} maw="100%" gap="sm">
        <Text fw={700} size="lg" ta="center">
          {t('common:appName')}
        </Text>
        <Paper
          component={onSubmit ? 'form' : 'section'}
          onSubmit={onSubmit}
          withBorder
          shadow="sm"
          p="xl"
          aria-labelledby="public-title"
        >
          <Stack>
            <Title order={1} size="h3" id="public-title">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
        <Text size="sm" ta="center">
          {footer ?? (
            <Anchor component={Link} to="/">
              {t('public.backToSignIn')}
            </Anchor>
          )}
        </Text>
      </Stack>
    </Center>
  );
}

/** The `?token=` of the link the e-mail carried. */
export function tokenFrom(params: URLSearchParams): string {
  return params.get('token')?.trim() ?? '';
}
