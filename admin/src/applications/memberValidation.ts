import type { MemberForm } from './payload';

/** Whole-list checks for the members ArrayInput; the API checks the same. */
export function validateMembers(members: MemberForm[] | undefined): string | undefined {
  const list = members ?? [];
  if (list.filter((m) => m?.relation === 'head').length !== 1) return 'shequ.validation.one_head';
  const ids = list.map((m) => m?.idNumber?.trim().toUpperCase()).filter(Boolean);
  if (new Set(ids).size !== ids.length) return 'shequ.validation.duplicate_id';
  return undefined;
}
