import type { SortPayload } from 'react-admin';

/** Pickers list org units alphabetically (ReferenceInput would default to newest id first). */
export const byName: SortPayload = { field: 'name', order: 'ASC' };
