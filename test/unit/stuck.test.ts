import { describe, expect, it } from 'vitest';
import { allowedSupervisorActions, caseLink, mainReason, parseWorkflowId } from '../../domain/stuck.js';

describe('stuck workflows: pure rules', () => {
  it('reads a case workflow id after the deployment prefix', () => {
    expect(parseWorkflowId('benefit-12')).toEqual({ kind: 'benefit', caseKey: '12' });
    expect(parseWorkflowId('t-1-disbursement-2027-01', 't-1-')).toEqual({ kind: 'disbursement', caseKey: '2027-01' });
    expect(parseWorkflowId('watch-workflows')).toBeUndefined();
    expect(parseWorkflowId('benefit-12', 'other-')).toBeUndefined();
  });

  it('shows the most urgent reason first', () => {
    expect(mainReason(['overdue', 'failing_activity'])).toBe('failing_activity');
    expect(mainReason(['overdue', 'failing_workflow_task', 'drift'])).toBe('failing_workflow_task');
    expect(mainReason([])).toBeUndefined();
  });

  it('offers supervisors only what fits the workflow, and other roles nothing', () => {
    const overdueCase = { kind: 'benefit' as const, reasons: ['overdue'], running: true, hasDeadline: true };
    expect(allowedSupervisorActions('supervisor', overdueCase)).toEqual(['reassign', 'remind', 'extend', 'terminate']);
    expect(allowedSupervisorActions('caseworker', overdueCase)).toEqual([]);
    expect(allowedSupervisorActions('district_approver', overdueCase)).toEqual([]);
    expect(allowedSupervisorActions('supervisor', { ...overdueCase, running: false })).toEqual([]);
    expect(
      allowedSupervisorActions('supervisor', {
        kind: 'volunteer',
        reasons: ['failing_activity'],
        running: true,
        hasDeadline: false,
      }),
    ).toEqual(['remind', 'retry', 'terminate']);
    // A run may have bank files out: never terminated from the stuck list.
    expect(
      allowedSupervisorActions('supervisor', {
        kind: 'disbursement',
        reasons: ['waiting_signoff'],
        running: true,
        hasDeadline: true,
      }),
    ).toEqual(['remind']);
  });

  it('links each kind to its console page', () => {
    expect(caseLink('referral', 7)).toBe('/referrals/7/show');
    expect(caseLink('disbursement', 3)).toBe('/disbursement-runs/3/show');
    expect(caseLink(null, 3)).toBeNull();
  });
});
