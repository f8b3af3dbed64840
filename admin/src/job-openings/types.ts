import type { RaRecord } from 'react-admin';

export const openingStatuses = ['open', 'closed'] as const;
export type OpeningStatus = (typeof openingStatuses)[number];
export const openingStatusChoices = openingStatuses.map((id) => ({ id, name: `shequ.opening_status.${id}` }));

export interface JobOpening extends RaRecord {
  id: number;
  employerId: number;
  employerName: string;
  title: string;
  requiredSkills: string[];
  preferredSkills: string[];
  wageMinFen: number;
  wageMaxFen: number;
  streetId: number;
  streetName: string;
  hoursPerWeek: number;
  physical: boolean;
  placesTotal: number;
  placesLeft: number;
  placed: number;
  status: OpeningStatus;
  createdAt: string;
}
