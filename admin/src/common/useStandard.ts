import { useGetList } from 'react-admin';
import { standardOn, type AllowanceStandard } from '../../../domain/allowance';
import type { Calculation } from './types';

/**
 * The allowance standard in force on `date`, for the live preview of a recomputed amount. The
 * effective-dated list decides; the standard of the case's last calculation stands in while
 * it loads or if it cannot be read. The API recomputes and stores the real figure either way.
 */
export function useStandard(date: string, fallback: Calculation | null | undefined): AllowanceStandard | undefined {
  const { data } = useGetList<AllowanceStandard & { id: number }>(
    'allowance-standards',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'effectiveFrom', order: 'DESC' } },
    { retry: false, staleTime: 60_000 },
  );
  const listed = data ? standardOn(data, date) : undefined;
  if (listed)
    return {
      effectiveFrom: listed.effectiveFrom,
      standardFen: listed.standardFen,
      floorPerPersonFen: listed.floorPerPersonFen,
    };
  if (fallback)
    return {
      effectiveFrom: fallback.standardEffectiveFrom,
      standardFen: fallback.standardFen,
      floorPerPersonFen: fallback.floorPerPersonFen,
    };
  return undefined;
}
