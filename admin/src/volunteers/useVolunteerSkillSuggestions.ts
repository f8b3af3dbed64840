import { useGetList } from 'react-admin';
import type { VolunteerActivity } from '../volunteer-activities/types';

/**
 * The skills upcoming activities ask for, offered while a volunteer's skills (or a new
 * activity's) are typed, so both sides use the same words and sign-up finds them.
 */
export function useVolunteerSkillSuggestions(): string[] {
  const { data } = useGetList<VolunteerActivity>(
    'volunteer-activities',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'id', order: 'DESC' }, filter: { upcoming: true } },
    { retry: false, staleTime: 5 * 60_000 },
  );
  const words = new Set<string>();
  for (const a of data ?? []) for (const s of a.requiredSkills ?? []) words.add(s);
  return [...words].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
