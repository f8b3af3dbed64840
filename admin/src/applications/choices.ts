// Mirrors domain/benefit-stages.ts; the console must not import server code.
export const relations = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
export type Relation = (typeof relations)[number];
export const relationChoices = relations.map((id) => ({ id, name: `shequ.relation.${id}` }));

export const categories = ['A', 'B', 'C'] as const;
export type Category = (typeof categories)[number];
export const categoryChoices = categories.map((id) => ({ id, name: `shequ.category.${id}` }));
