import { Title } from '@mantine/core';

/** People and teams (placeholder until the directory lands). */
export function DirectoryPage() {
  return <Title order={1} size="h3">Directory</Title>;
}
