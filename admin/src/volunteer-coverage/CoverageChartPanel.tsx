import { lazy, Suspense } from 'react';
import { useListContext } from 'react-admin';
import type { CoverageRow } from './types';

// The chart library is loaded only when this page is opened: the console's first load stays as it was.
const CoverageChart = lazy(() => import('./CoverageChart').then((m) => ({ default: m.CoverageChart })));

/** The chart of the communities the list shows (same street filter). */
export const CoverageChartPanel = () => {
  const { data } = useListContext<CoverageRow>();
  if (!data?.length) return null;
  return (
    <Suspense fallback={<div style={{ height: 300 }} />}>
      <CoverageChart data={data} />
    </Suspense>
  );
};
