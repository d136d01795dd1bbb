import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Button, Group, Text } from '@mantine/core';
import { useMe } from '../../app/me';
import { QueryFallback } from '../../components/QueryFallback';
import type { AuditLogQuery } from '../../gql/graphql';
import { DataTable, type Column } from './DataTable';
import { AccountUsersDocument, ApiKeysDocument, AuditLogDocument } from './documents';
import { Section } from './Section';
import { formatInstant } from './time';

type Entry = AuditLogQuery['auditLog']['edges'][number]['node'];

const PAGE_SIZE = 25;

/** The name an entity had before or after the change, when it has one. */
function entityName(entry: Entry): string | undefined {
  for (const state of [entry.after, entry.before]) {
    if (state && typeof state === 'object' && typeof (state as { name?: unknown }).name === 'string')
      return (state as { name: string }).name;
  }
  return undefined;
}

/** Changes to the schedule and directory, newest first, a page at a time (admins and supervisors). */
export function AuditLogSection({ zone }: { zone: string }) {
  const { t, i18n } = useTranslation('account');
  const { me } = useMe();
  /** The cursors of the pages before this one: `after` of page n is `cursors[n - 1]`. */
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const [{ data, error, fetching }] = useQuery({
    query: AuditLogDocument,
    variables: { after, first: PAGE_SIZE },
    requestPolicy: 'cache-and-network',
  });
  // Admins may read the users and keys, so actors get their names; supervisors see their kind.
  const admin = me.role === 'ADMIN';
  const [users] = useQuery({ query: AccountUsersDocument, pause: !admin });
  const [keys] = useQuery({ query: ApiKeysDocument, pause: !admin });
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const e of users.data?.users.edges ?? []) map.set(e.node.id, e.node.name);
    for (const k of keys.data?.apiKeys ?? []) map.set(k.id, k.name);
    return map;
  }, [users.data, keys.data]);

  function actor(entry: Entry): string {
    const { kind, id } = entry.actor;
    if (kind === 'system' || !id) return t('audit.system');
    if (kind === 'user' && id === me.user?.id) return `${me.user.name} (${t('you')})`;
    const name = names.get(id) ?? `#${id.slice(0, 8)}`;
    return kind === 'api-key' ? t('audit.apiKey', { name }) : t('audit.user', { name });
  }

  const columns: Column<Entry>[] = [
    {
      key: 'at',
      label: `${t('audit.at')} (${zone})`,
      render: (e) => (
        <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatInstant(e.at, zone, i18n.language)}
        </Text>
      ),
    },
    { key: 'actor', label: t('audit.actor'), render: (e) => actor(e) },
    {
      key: 'action',
      label: t('audit.action'),
      render: (e) => (
        <Text span size="sm" ff="monospace">
          {e.action}
        </Text>
      ),
    },
    {
      key: 'entity',
      label: t('audit.entity'),
      render: (e) => (
        <Text span size="sm">
          {e.entityType}{' '}
          <Text span size="sm" c="dimmed">
            {entityName(e) ?? `#${e.entityId.slice(0, 8)}`}
          </Text>
        </Text>
      ),
    },
  ];

  const page = cursors.length;
  return (
    <Section id="audit-title" title={t('audit.title')} intro={t('audit.intro')}>
      {!data ? (
        <QueryFallback error={error} />
      ) : (
        <DataTable
          label={t('audit.title')}
          columns={columns}
          rows={data.auditLog.edges.map((e) => e.node)}
          rowKey={(e) => e.id}
          rowLabel={(e) => `${e.action}, ${formatInstant(e.at, zone, i18n.language)}`}
          empty={t('audit.none')}
        />
      )}
      <Group justify="space-between" aria-label={t('audit.page', { page })} role="navigation">
        <Button
          variant="default"
          size="xs"
          disabled={page === 1 || fetching}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t('audit.newer')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('audit.page', { page })}
        </Text>
        <Button
          variant="default"
          size="xs"
          disabled={!data?.auditLog.pageInfo.hasNextPage || fetching}
          onClick={() =>
            data?.auditLog.pageInfo.endCursor && setCursors((c) => [...c, data.auditLog.pageInfo.endCursor!])
          }
        >
          {t('audit.older')}
        </Button>
      </Group>
    </Section>
  );
}
