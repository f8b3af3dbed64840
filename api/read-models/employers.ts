import type { Knex } from 'knex';
import type { z } from 'zod';
import { employerFilters, type employerSchema } from '../../contract/employers.js';
import { NotFoundError } from '../../domain/errors.js';
import { containing, filter, type ListSpec } from '../http/simple-rest.js';

// Employers that offer openings through the service points, with what they offer now. Job
// information is public within the bureau: every role reads it, whatever its area.

export interface EmployerRow {
  id: number;
  name: string;
  street_id: number;
  street_name: string;
  address: string;
  contact: string;
  phone: string;
  openings: string;
  places_left: string | null;
}

export type Employer = z.infer<typeof employerSchema>;

const toApi = (r: EmployerRow): Employer => ({
  id: r.id,
  name: r.name,
  streetId: r.street_id,
  streetName: r.street_name,
  address: r.address,
  contact: r.contact,
  phone: r.phone,
  openings: Number(r.openings),
  placesLeft: Number(r.places_left ?? 0),
});

export const employerListSpec: ListSpec<EmployerRow> = {
  resource: 'employers',
  idColumn: 'em.id',
  sortable: { id: 'em.id', name: 'em.name', streetName: 's.name' },
  defaultSort: ['id', 'DESC'],
  filters: {
    streetId: filter(employerFilters.streetId, (qb, v) => qb.where('em.street_id', v)),
    q: filter(employerFilters.q, (qb, v) => qb.whereILike('em.name', containing(v))),
  },
  toApi,
};

export function employerBaseQuery(db: Knex) {
  return db('employers as em')
    .join('org_units as s', 's.id', 'em.street_id')
    .select(
      'em.*',
      's.name as street_name',
      db.raw(`(SELECT count(*) FROM job_openings o WHERE o.employer_id = em.id AND o.status = 'open') AS openings`),
      db.raw(
        `(SELECT sum(o.places_left) FROM job_openings o WHERE o.employer_id = em.id AND o.status = 'open') AS places_left`,
      ),
    );
}

export async function employerDetail(db: Knex, id: number): Promise<Employer> {
  const row: EmployerRow | undefined = await employerBaseQuery(db).where('em.id', id).first();
  if (!row) throw new NotFoundError('用人单位不存在 (no such employer)');
  return toApi(row);
}

/** Whether an employer is on file (an opening must name one). */
export async function employerExists(db: Knex, id: number): Promise<boolean> {
  return Boolean(await db('employers').where({ id }).first('id'));
}
