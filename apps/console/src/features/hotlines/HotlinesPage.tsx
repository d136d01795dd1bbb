import { Title } from '@mantine/core';

/** The account's hotlines and their settings (placeholder until the settings land). */
export function HotlinesPage() {
  return <Title order={1} size="h3">Hotlines</Title>;
}
