import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ShequDataProvider } from '../dataProvider';

/** GET /api/dashboard, once for every card, again every minute. */
export function useDistrictOverview(enabled: boolean) {
  const dataProvider = useDataProvider<ShequDataProvider>();
  return useQuery({
    queryKey: ['dashboard'],
    queryFn: () => dataProvider.getDashboard(),
    enabled,
    refetchInterval: 60_000,
    retry: false,
  });
}
