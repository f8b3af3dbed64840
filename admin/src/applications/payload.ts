import type { CreateApplicationBody } from '../../../contract/applications';
import type { Category, Relation } from './choices';
import { yuanToFen } from '../common/money';

// The create form holds income in yuan (what is on the paperwork); the API takes integer fen.

export interface MemberForm {
  name: string;
  idNumber: string;
  relation: Relation;
  disabled?: boolean | null;
  monthlyIncomeYuan?: number | null;
}

export interface ApplicationForm {
  headName: string;
  address: string;
  communityId: number;
  category: Category;
  bankAccount?: string | null;
  members?: MemberForm[];
}

/** The body of POST /api/applications, as the API's own schema (contract/applications.ts) takes it. */
export function toApplicationPayload(form: ApplicationForm): CreateApplicationBody {
  const bankAccount = form.bankAccount?.trim();
  return {
    headName: form.headName,
    address: form.address,
    communityId: form.communityId,
    category: form.category,
    ...(bankAccount ? { bankAccount } : {}),
    members: (form.members ?? []).map((m) => ({
      name: m.name,
      idNumber: m.idNumber.trim().toUpperCase(),
      relation: m.relation,
      disabled: !!m.disabled,
      monthlyIncomeFen: yuanToFen(m.monthlyIncomeYuan ?? 0),
    })),
  };
}

/** Puts the API's complaint about `members.N.monthlyIncomeFen` beside the yuan input. */
export const applicationFormField = (apiField: string): string =>
  apiField.replace(/^(members\.\d+\.)monthlyIncomeFen$/, '$1monthlyIncomeYuan');
