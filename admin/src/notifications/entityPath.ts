import type { Notification } from './types';

// Where a notification leads: the page of what it is about. Entities without a page of their own
// (or kinds added on the server later) lead nowhere; the click still marks it read.
const pages: Record<string, string> = {
  application: 'applications',
  referral: 'referrals',
  volunteer: 'volunteers',
  disbursement_run: 'disbursement-runs',
  casework_task: 'casework-tasks',
  // the entity id is then the workflow id, which may hold characters a path must escape
  workflow: 'workflows',
};

export function entityPath(n: Pick<Notification, 'entityType' | 'entityId'>): string | null {
  const resource = pages[n.entityType];
  if (!resource || n.entityId === null || n.entityId === undefined || n.entityId === '') return null;
  return `/${resource}/${encodeURIComponent(String(n.entityId))}/show`;
}
