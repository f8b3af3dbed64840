// Custom search attributes registered on the Temporal namespace. The SQLite dev server allows
// at most 10 Keyword and 3 Datetime attributes per namespace, so this list is the budget.
export const searchAttributes = {
  ShequKind: 'Keyword',
  ShequCaseId: 'Keyword',
  ShequStage: 'Keyword',
  ShequStreet: 'Keyword',
  ShequCommunity: 'Keyword',
  ShequAssignee: 'Keyword',
  ShequOverdue: 'Keyword',
  ShequDeadline: 'Datetime',
  ShequStageSince: 'Datetime',
} as const;

export type SearchAttributeName = keyof typeof searchAttributes;
export type SearchAttributeType = (typeof searchAttributes)[SearchAttributeName];

export const workflowKinds = ['benefit', 'disbursement', 'referral', 'volunteer'] as const;
export type WorkflowKind = (typeof workflowKinds)[number];
