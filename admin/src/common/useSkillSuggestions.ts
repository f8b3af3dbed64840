import { useGetList } from 'react-admin';
import type { JobOpening } from '../job-openings/types';

/**
 * The skills the open openings ask for, offered while a caseworker types a seeker's skills, so
 * both sides use the same words and the ranking sees the match.
 */
export function useSkillSuggestions(enabled = true): string[] {
  const { data } = useGetList<JobOpening>(
    'job-openings',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'id', order: 'DESC' }, filter: { status: 'open' } },
    { retry: false, staleTime: 5 * 60_000, enabled },
  );
  const words = new Set<string>();
  for (const o of data ?? []) for (const s of [...o.requiredSkills, ...o.preferredSkills]) words.add(s);
  return [...words].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
