import type { ReactNode } from 'react';
import { NavLink as RouterLink, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, AppShell, Burger, Group, NavLink, SegmentedControl, Text, Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useSession } from '../app/session';
import { useMe } from '../app/me';
import { chooseLanguage, LANGUAGES, type Language } from '../i18n';

/** The frame of every signed-in screen: header with the account, language and sign-out; navigation at the side. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { signOut } = useSession();
  const { me } = useMe();
  const { hotlineId } = useParams();
  const [opened, { toggle, close }] = useDisclosure(false);
  const links = [
    { to: hotlineId ? `/hotlines/${hotlineId}/schedule` : '/', label: t('nav.schedule') },
    { to: '/directory', label: t('nav.directory') },
    { to: '/hotlines', label: t('nav.hotlines') },
    { to: '/account', label: t('nav.account') },
  ];
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Text fw={700} size="lg">
              {t('appName')}
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="xs">
              {me.account.name}
            </Text>
          </Group>
          <Group wrap="nowrap" gap="xs">
            <SegmentedControl
              size="xs"
              aria-label={t('language')}
              value={i18n.language}
              onChange={(value) => chooseLanguage(value as Language)}
              data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
            />
            <Button size="xs" variant="subtle" onClick={() => signOut('signedOut')}>
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <Stack gap={2}>
          {links.map((link) => (
            <NavLink key={link.label} component={RouterLink} to={link.to} end label={link.label} onClick={close} />
          ))}
        </Stack>
        <Text size="xs" c="dimmed" mt="auto" p="xs">
          {me.user?.name ?? me.user?.email} · {me.role.toLowerCase()}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main>
        {me.user?.emailVerified === false && (
          <Alert color="yellow" variant="light" role="status" mb="md">
            {t('emailUnverified', { email: me.user.email })}{' '}
            <Anchor component={RouterLink} to="/account" size="sm">
              {t('emailUnverifiedLink')}
            </Anchor>
          </Alert>
        )}
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
