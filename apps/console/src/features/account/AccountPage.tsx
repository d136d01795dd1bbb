import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Stack, Tabs, Title } from '@mantine/core';
import { useMe } from '../../app/me';
import { QueryFallback } from '../../components/QueryFallback';
import { ApiKeysSection } from './ApiKeysSection';
import { AuditLogSection } from './AuditLogSection';
import { AccountZoneDocument } from './documents';
import { InvitationsSection } from './InvitationsSection';
import { ProfileSection } from './ProfileSection';
import { FALLBACK_ZONE } from './time';
import { UsersSection } from './UsersSection';
import './register-i18n';

type Tab = 'profile' | 'users' | 'invitations' | 'apiKeys' | 'audit';

/** The tabs a role sees: everyone their profile; admins the users, invitations and API keys; admins and supervisors the audit log. */
function tabsFor(role: string): Tab[] {
  if (role === 'ADMIN') return ['profile', 'users', 'invitations', 'apiKeys', 'audit'];
  if (role === 'SUPERVISOR') return ['profile', 'audit'];
  return ['profile'];
}

/** `/account`: my profile and password; for admins the users, invitations and API keys; the audit log. `?tab=` keeps the open tab. */
export function AccountPage() {
  const { t } = useTranslation('account');
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const [{ data, error }] = useQuery({ query: AccountZoneDocument });
  const tabs = tabsFor(me.role);
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : 'profile';

  if (!data) return <QueryFallback error={error} />;
  const zone = data.hotlines.edges[0]?.node.timeZone ?? FALLBACK_ZONE;

  return (
    <Stack gap="md" maw={1100}>
      <Title order={1} size="h3">
        {t('title')}
      </Title>
      {tabs.length === 1 ? (
        <ProfileSection />
      ) : (
        <Tabs
          value={tab}
          onChange={(value) => setParams(value && value !== 'profile' ? { tab: value } : {})}
          keepMounted={false}
        >
          <Tabs.List>
            {tabs.map((key) => (
              <Tabs.Tab key={key} value={key}>
                {t(`tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="profile" pt="md">
            <ProfileSection />
          </Tabs.Panel>
          <Tabs.Panel value="users" pt="md">
            <UsersSection zone={zone} />
          </Tabs.Panel>
          <Tabs.Panel value="invitations" pt="md">
            <InvitationsSection zone={zone} />
          </Tabs.Panel>
          <Tabs.Panel value="apiKeys" pt="md">
            <ApiKeysSection zone={zone} />
          </Tabs.Panel>
          <Tabs.Panel value="audit" pt="md">
            <AuditLogSection zone={zone} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
