import type { ReactNode } from 'react';
import { Card, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

export interface Column<Row> {
  readonly key: string;
  readonly label: string;
  readonly render: (row: Row) => ReactNode;
  /** Right-aligned on wide screens, at the bottom of the card on phones (actions). */
  readonly actions?: boolean;
}

interface DataTableProps<Row> {
  /** The table's accessible name. */
  readonly label: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  /** A row's accessible name on phones, where each row is a card. */
  readonly rowLabel: (row: Row) => string;
  /** What is said instead of an empty table. */
  readonly empty: string;
}

/** A table on wide screens; on phones one card per row with each value under its label. */
export function DataTable<Row>({ label, columns, rows, rowKey, rowLabel, empty }: DataTableProps<Row>) {
  const phone = useMediaQuery('(max-width: 48em)');
  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  }
  if (phone) {
    return (
      <Stack component="ul" aria-label={label} gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
        {rows.map((row) => (
          <Card key={rowKey(row)} component="li" withBorder padding="sm" aria-label={rowLabel(row)}>
            <Stack gap={6}>
              {columns
                .filter((c) => !c.actions)
                .map((c) => (
                  <div key={c.key}>
                    <Text size="xs" c="dimmed" fw={600}>
                      {c.label}
                    </Text>
                    <Text size="sm" component="div">
                      {c.render(row)}
                    </Text>
                  </div>
                ))}
              {columns
                .filter((c) => c.actions)
                .map((c) => (
                  <Group key={c.key} gap="xs" mt={4}>
                    {c.render(row)}
                  </Group>
                ))}
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table aria-label={label} verticalSpacing="xs" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.key} ta={c.actions ? 'right' : undefined}>
              {c.actions ? <VisuallyHidden>{c.label}</VisuallyHidden> : c.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={rowKey(row)}>
            {columns.map((c) => (
              <Table.Td key={c.key}>
                {c.actions ? (
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {c.render(row)}
                  </Group>
                ) : (
                  c.render(row)
                )}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
