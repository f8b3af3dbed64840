import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { volunteerDetailSchema, volunteerRegisterBody, volunteerSchema } from '../../../contract/volunteers';
import type { VolunteerAction } from '../../../domain/volunteer-rules';
import {
  suitabilityStates,
  type HoursStatus,
  type Suitability,
  type VolunteerStage,
} from '../../../domain/volunteer-stages';
import type { Decision } from '../common/types';

export type { HoursStatus, Suitability, VolunteerAction, VolunteerStage };

// Shapes of GET /api/volunteers (process 3: registration → screening → approval → teams → hours):
// the API's own schemas (contract/volunteers.ts).

/** The background check for roles serving the elderly, children or disabled people. */
export const suitabilityChoices = suitabilityStates.map((id) => ({ id, name: `shequ.suitability.${id}` }));

type VolunteerRow = z.output<typeof volunteerSchema>;
type VolunteerDetail = z.output<typeof volunteerDetailSchema>;

/** An activity she was signed up to, and the hours logged for it (if any). */
export type Assignment = VolunteerDetail['assignments'][number];
export type AssignmentStatus = Assignment['status'];

/**
 * A row of GET /api/volunteers; the detail fields come with GET /api/volunteers/:id only, so they
 * are optional here (react-admin shows the list's row until the detail arrives).
 */
export type Volunteer = VolunteerRow &
  RaRecord &
  Partial<Omit<VolunteerDetail, keyof VolunteerRow | 'decisions'>> & {
    // The shared Timeline reads the console's Decision (stages typed); the schema has plain strings.
    decisions?: Decision[];
  };

/** The body of POST /api/volunteers (registration): the API's own schema. */
export type VolunteerRegisterBody = z.input<typeof volunteerRegisterBody>;

// Bodies of the volunteer's actions (POST /api/volunteers/:id/<action>): the API's own schemas.
export type { LogHoursBody } from '../../../contract/volunteer-actions';
export type ActiveToggle = 'deactivate' | 'reactivate';
