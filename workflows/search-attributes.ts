import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';
import type { WorkflowKind } from '../domain/search-attributes.js';

// Typed keys for the attributes declared in domain/search-attributes.ts. Shared by workflows
// (upserts) and the API (attributes set at start), so both spell them the same way.
export const sa = {
  kind: defineSearchAttributeKey('ShequKind', SearchAttributeType.KEYWORD),
  caseId: defineSearchAttributeKey('ShequCaseId', SearchAttributeType.KEYWORD),
  stage: defineSearchAttributeKey('ShequStage', SearchAttributeType.KEYWORD),
  street: defineSearchAttributeKey('ShequStreet', SearchAttributeType.KEYWORD),
  community: defineSearchAttributeKey('ShequCommunity', SearchAttributeType.KEYWORD),
  assignee: defineSearchAttributeKey('ShequAssignee', SearchAttributeType.KEYWORD),
  overdue: defineSearchAttributeKey('ShequOverdue', SearchAttributeType.KEYWORD),
  deadline: defineSearchAttributeKey('ShequDeadline', SearchAttributeType.DATETIME),
  stageSince: defineSearchAttributeKey('ShequStageSince', SearchAttributeType.DATETIME),
};

export function caseAttributes(c: {
  kind: WorkflowKind;
  caseId: string | number;
  stage: string;
  street: string;
  community: string;
}): SearchAttributePair[] {
  return [
    { key: sa.kind, value: c.kind },
    { key: sa.caseId, value: String(c.caseId) },
    { key: sa.stage, value: c.stage },
    { key: sa.street, value: c.street },
    { key: sa.community, value: c.community },
    { key: sa.overdue, value: 'false' },
  ];
}
