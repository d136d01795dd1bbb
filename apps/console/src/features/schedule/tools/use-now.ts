import { useEffect, useState } from 'react';
import { DateTime } from 'luxon';

/** Now, refreshed every `everyMs` (a minute by default) so "in force" and default times stay current. */
export function useNow(everyMs = 60_000): DateTime {
  const [now, setNow] = useState(() => DateTime.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(DateTime.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
