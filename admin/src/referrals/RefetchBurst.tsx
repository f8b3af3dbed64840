import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

// After an action the workflow re-ranks the openings in the background, which the answer to the
// POST cannot show yet: the page looks again every 2 s for a short while.

const BurstContext = createContext<(ms?: number) => void>(() => undefined);

export function useRefetchBurstState() {
  const [until, setUntil] = useState(0);
  const burst = useCallback((ms = 10_000) => setUntil(Date.now() + ms), []);
  return { burstActive: () => Date.now() < until, burst };
}

export const RefetchBurstProvider = ({ burst, children }: { burst: (ms?: number) => void; children: ReactNode }) => (
  <BurstContext.Provider value={burst}>{children}</BurstContext.Provider>
);

/** Call after an action whose consequences arrive later. */
export const useRefetchBurst = () => useContext(BurstContext);
