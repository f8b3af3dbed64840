import type { Knex } from 'knex';
import { enterpriseFilters } from '../../contract/enterprises.js';
import { containing, filter, type ListSpec } from '../http/simple-rest.js';

// Enterprises under restructuring that refer their surplus staff (企业分离人员) to communities;
// every role reads them, whatever its area.

export interface EnterpriseRow {
  id: number;
  name: string;
  credit_code: string | null;
  contact: string;
}

export const toApi = (r: EnterpriseRow) => ({ id: r.id, name: r.name, creditCode: r.credit_code, contact: r.contact });

export const enterpriseListSpec: ListSpec<EnterpriseRow> = {
  resource: 'enterprises',
  idColumn: 'id',
  sortable: { id: 'id', name: 'name' },
  defaultSort: ['name', 'ASC'],
  filters: { q: filter(enterpriseFilters.q, (qb, v) => qb.whereILike('name', containing(v))) },
  toApi,
};

export const enterpriseBaseQuery = (db: Knex) => db('enterprises').select('*');
