import { Suspense, type ReactNode } from 'react';

/** Where a lazily loaded chart goes: the card keeps its height while recharts arrives. */
export const ChartSlot = ({ height, children }: { height: number; children: ReactNode }) => (
  <Suspense fallback={<div style={{ height }} />}>{children}</Suspense>
);
