import type { Knex } from 'knex';
import type { z } from 'zod';
import { jobOpeningFilters, type jobOpeningSchema } from '../../contract/job-openings.js';
import type { DbRow } from '../../db/row.js';
import { NotFoundError } from '../../domain/errors.js';
import { containing, filter, type ListSpec } from '../http/simple-rest.js';

// Job openings with their places, the employer's name and the street's. Job information is
// public within the bureau: every role reads it, whatever its area.

export type JobOpeningRow = DbRow;
export type JobOpening = z.infer<typeof jobOpeningSchema>;

export const toApi = (r: JobOpeningRow): JobOpening => ({
  id: r.id,
  employerId: r.employer_id,
  employerName: r.employer_name,
  title: r.title,
  requiredSkills: r.required_skills,
  preferredSkills: r.preferred_skills,
  wageMinFen: Number(r.wage_min_fen),
  wageMaxFen: Number(r.wage_max_fen),
  streetId: r.street_id,
  streetName: r.street_name,
  hoursPerWeek: r.hours_per_week,
  physical: r.physical,
  placesTotal: r.places_total,
  placesLeft: r.places_left,
  placed: r.places_total - r.places_left,
  status: r.status,
  createdAt: r.created_at.toISOString(),
});

export const jobOpeningListSpec: ListSpec<JobOpeningRow> = {
  resource: 'job-openings',
  idColumn: 'o.id',
  sortable: {
    id: 'o.id',
    title: 'o.title',
    placesLeft: 'o.places_left',
    wageMaxFen: 'o.wage_max_fen',
    employerName: 'em.name',
    createdAt: 'o.created_at',
  },
  defaultSort: ['id', 'DESC'],
  filters: {
    status: filter(jobOpeningFilters.status, (qb, v) => qb.where('o.status', v)),
    streetId: filter(jobOpeningFilters.streetId, (qb, v) => qb.where('o.street_id', v)),
    employerId: filter(jobOpeningFilters.employerId, (qb, v) => qb.where('o.employer_id', v)),
    hasPlaces: filter(jobOpeningFilters.hasPlaces, (qb, v) =>
      v ? qb.where('o.places_left', '>', 0) : qb.where('o.places_left', 0),
    ),
    q: filter(jobOpeningFilters.q, (qb, v) =>
      qb.where((w) => w.whereILike('o.title', containing(v)).orWhereILike('em.name', containing(v))),
    ),
  },
  toApi,
};

export function jobOpeningBaseQuery(db: Knex) {
  return db('job_openings as o')
    .join('employers as em', 'em.id', 'o.employer_id')
    .join('org_units as s', 's.id', 'o.street_id')
    .select('o.*', 'em.name as employer_name', 's.name as street_name');
}

export async function findJobOpening(db: Knex, id: number): Promise<JobOpeningRow> {
  const row = await jobOpeningBaseQuery(db).where('o.id', id).first();
  if (!row) throw new NotFoundError('岗位不存在 (no such opening)');
  return row;
}

export async function jobOpeningDetail(db: Knex, id: number): Promise<JobOpening> {
  return toApi(await findJobOpening(db, id));
}
