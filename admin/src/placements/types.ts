import type { RaRecord } from 'react-admin';
import type { FollowUpStatus, PlacementStatus } from '../referrals/types';

export const placementStatuses: readonly PlacementStatus[] = ['active', 'retained', 'left'];
export const placementStatusChoices = placementStatuses.map((id) => ({ id, name: `shequ.placement_status.${id}` }));

/** GET /api/placements: one placement and its three follow-ups (null = not due yet). */
export interface PlacementRow extends RaRecord {
  id: number;
  referralId: number;
  seekerName: string;
  employerName: string;
  jobTitle: string;
  wageFen: number;
  startDate: string;
  streetId: number;
  streetName: string;
  communityName: string;
  status: PlacementStatus;
  leftReason: string | null;
  followUps: Record<'1' | '3' | '6', FollowUpStatus | null>;
}
