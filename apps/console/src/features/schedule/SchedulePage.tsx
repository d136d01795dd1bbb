import { useParams } from 'react-router';
import { Title } from '@mantine/core';

/** The schedule board of one hotline (placeholder until the board lands). */
export function SchedulePage() {
  const { hotlineId } = useParams();
  return <Title order={1} size="h3">Schedule {hotlineId}</Title>;
}
