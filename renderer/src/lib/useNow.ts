import { useEffect, useState } from 'react';

const MINUTE = 60_000;

/** The current time, refreshed every minute so countdowns roll over at midnight without a reload. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), MINUTE);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
