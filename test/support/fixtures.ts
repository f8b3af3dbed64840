import type { Role } from '../../domain/roles.js';
import { idCheckChar } from '../../domain/id-number.js';

/** A valid 18-digit ID number for a person born on `birth` (YYYYMMDD), serial `seq`. */
export function idNumber(birth = '19650312', seq = 41, region = '321202'): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

let counter = 100;
export function applicationBody(communityId: number, overrides: Record<string, unknown> = {}) {
  const seq = counter++;
  return {
    headName: '赵大',
    address: '东风路1号',
    communityId,
    category: 'C',
    members: [
      {
        name: '赵大',
        idNumber: idNumber('19650312', seq),
        relation: 'head',
        disabled: false,
        monthlyIncomeFen: 50_000,
      },
      { name: '钱二', idNumber: idNumber('19700101', seq), relation: 'spouse', disabled: false, monthlyIncomeFen: 0 },
    ],
    ...overrides,
  };
}

/** One demo user of each role (db/seeds/org-structure.ts): caseworker1 is in 东风社区 (cd-01), reviewer1 in its street. */
export const demoUser: Record<Role | string, string> = {
  caseworker: 'caseworker1',
  street_reviewer: 'reviewer1',
  district_approver: 'approver1',
  finance: 'finance1',
  supervisor: 'supervisor1',
  admin: 'admin1',
  team_leader: 'leader1',
};
