import type { Knex } from 'knex';
import type { z } from 'zod';
import type { allowanceStandardSchema } from '../../contract/allowance-standards.js';
import type { ListSpec } from '../http/simple-rest.js';

// Effective-dated allowance standards, newest date first.

export interface StandardRow {
  id: number;
  effective_from: string;
  standard_fen: string;
  floor_per_person_fen: string;
  note: string;
  created_at: Date;
}

export type AllowanceStandard = z.infer<typeof allowanceStandardSchema>;

export const standardToApi = (r: StandardRow): AllowanceStandard => ({
  id: r.id,
  effectiveFrom: String(r.effective_from),
  standardFen: Number(r.standard_fen),
  floorPerPersonFen: Number(r.floor_per_person_fen),
  note: r.note,
  createdAt: r.created_at.toISOString(),
});

export const standardListSpec: ListSpec<StandardRow> = {
  resource: 'allowance-standards',
  idColumn: 'id',
  sortable: { id: 'id', effectiveFrom: 'effective_from' },
  defaultSort: ['effectiveFrom', 'DESC'],
  filters: {},
  toApi: standardToApi,
};

export const standardsQuery = (db: Knex): Knex.QueryBuilder => db('allowance_standards').select('*');
