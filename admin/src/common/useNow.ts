import { useEffect, useState } from 'react';

/**
 * The current time, renewed every `everyMs`: "is this in the past" checks in a dialog stay
 * right while it is open, and rendering stays pure (React may render a component twice).
 */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
