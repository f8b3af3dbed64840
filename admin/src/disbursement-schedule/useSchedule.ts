import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ScheduleStatus, ShequDataProvider } from '../dataProvider';

export const scheduleQueryKey = ['disbursement-schedule'] as const;

/** GET /api/disbursement-schedule, looked at again every minute (the next time moves on). */
export function useSchedule(enabled = true) {
  const dataProvider = useDataProvider<ShequDataProvider>();
  return useQuery<ScheduleStatus, Error>({
    queryKey: scheduleQueryKey,
    queryFn: () => dataProvider.getDisbursementSchedule(),
    enabled,
    retry: false,
    refetchInterval: 60_000,
  });
}
