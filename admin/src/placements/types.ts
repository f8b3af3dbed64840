import type { RaRecord } from 'react-admin';
import type { z } from 'zod';
import type { placementSchema } from '../../../contract/placements';

/** GET /api/placements: one placement and its three follow-ups (null = not due yet). */
export type PlacementRow = z.output<typeof placementSchema> & RaRecord;

export const placementStatuses: readonly PlacementRow['status'][] = ['active', 'retained', 'left'];
export const placementStatusChoices = placementStatuses.map((id) => ({ id, name: `shequ.placement_status.${id}` }));
