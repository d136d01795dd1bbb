import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Badge, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMe } from '../../app/me';
import { QueryFallback } from '../../components/QueryFallback';
import type { AccountUsersQuery, Role } from '../../gql/graphql';
import { fieldErrors } from '../../lib/errors';
import { DataTable, type Column } from './DataTable';
import { AccountUsersDocument, SetUserRoleDocument } from './documents';
import { roleOptions } from './roles';
import { Section } from './Section';
import { formatInstant } from './time';

type User = AccountUsersQuery['users']['edges'][number]['node'];

/** The account's users (admins) and their roles; LAST_ADMIN said in words at the row that asked. */
export function UsersSection({ zone }: { zone: string }) {
  const { t, i18n } = useTranslation('account');
  const { me } = useMe();
  const [{ data, error }] = useQuery({
    query: AccountUsersDocument,
    context: useMemo(() => ({ additionalTypenames: ['User'] }), []),
  });
  const [result, setUserRole] = useMutation(SetUserRoleDocument);
  const [refusal, setRefusal] = useState<{ userId: string; message: string } | null>(null);
  const [changing, setChanging] = useState<string | null>(null);

  if (!data) return <QueryFallback error={error} />;

  async function change(user: User, role: Role) {
    if (role === user.role) return;
    setRefusal(null);
    setChanging(user.id);
    const answer = await setUserRole({ userId: user.id, role });
    setChanging(null);
    const [first] = fieldErrors(answer.error);
    if (first)
      setRefusal({ userId: user.id, message: first.code === 'LAST_ADMIN' ? t('users.lastAdmin') : first.message });
    else
      notifications.show({ color: 'green', message: t('users.changed', { name: user.name, role: t(`role.${role}`) }) });
  }

  const columns: Column<User>[] = [
    {
      key: 'name',
      label: t('users.name'),
      render: (u) => (
        <Group gap={6} wrap="nowrap">
          <Text span size="sm" fw={500}>
            {u.name}
          </Text>
          {u.id === me.user?.id && (
            <Badge size="xs" variant="light">
              {t('you')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'email',
      label: t('users.email'),
      render: (u) => (
        <Text span size="sm" style={{ wordBreak: 'break-all' }}>
          {u.email}
        </Text>
      ),
    },
    {
      key: 'role',
      label: t('users.role'),
      render: (u) => (
        <Select
          size="xs"
          w={170}
          aria-label={t('users.roleOf', { name: u.name })}
          data={roleOptions(t)}
          value={u.role}
          allowDeselect={false}
          disabled={changing === u.id && result.fetching}
          onChange={(value) => value && void change(u, value as Role)}
          error={refusal?.userId === u.id ? refusal.message : undefined}
          comboboxProps={{ withinPortal: true }}
        />
      ),
    },
    {
      key: 'since',
      label: `${t('users.since')} (${zone})`,
      render: (u) => (
        <Text span size="sm">
          {formatInstant(u.createdAt, zone, i18n.language)}
        </Text>
      ),
    },
  ];

  return (
    <Section id="users-title" title={t('users.title')} intro={t('users.intro')}>
      <DataTable
        label={t('users.title')}
        columns={columns}
        rows={data.users.edges.map((e) => e.node)}
        rowKey={(u) => u.id}
        rowLabel={(u) => u.name}
        empty=""
      />
    </Section>
  );
}
