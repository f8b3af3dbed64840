export const orgUnitKinds = ['district', 'street', 'town', 'community'] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

export const kindChoices = orgUnitKinds.map((id) => ({ id, name: `shequ.org_kind.${id}` }));
