import { describe, expect, it } from 'vitest';
import { hoursOf, levelsReached, starLevel, starThresholdsHours } from '../../domain/stars.js';
import { ageProblem, allowedVolunteerActions } from '../../domain/volunteer-rules.js';

describe('star levels', () => {
  it('are reached at exactly 100, 300, 600, 1000 and 1500 confirmed hours', () => {
    expect(starThresholdsHours).toEqual([100, 300, 600, 1000, 1500]);
    for (const [i, h] of starThresholdsHours.entries()) {
      expect(starLevel(h * 60 - 1)).toBe(i);
      expect(starLevel(h * 60)).toBe(i + 1);
    }
    expect(starLevel(0)).toBe(0);
    expect(starLevel(10_000 * 60)).toBe(5);
  });

  it('name every level crossed by one confirmation, lowest first', () => {
    expect(levelsReached(0, 99 * 60)).toEqual([]);
    expect(levelsReached(99 * 60, 100 * 60)).toEqual([1]);
    expect(levelsReached(250 * 60, 700 * 60)).toEqual([2, 3]);
    expect(levelsReached(1600 * 60, 1700 * 60)).toEqual([]);
  });

  it('shows minutes as hours with one decimal', () => {
    expect(hoursOf(150)).toBe(2.5);
    expect(hoursOf(6300)).toBe(105);
    expect(hoursOf(100)).toBe(1.7);
  });
});

describe('ageProblem', () => {
  const today = '2026-11-26';
  it('refuses under 14, asks 14–17 for a guardian’s named consent, lets adults through', () => {
    expect(ageProblem('2012-11-27', today, {})).toBe('too_young');
    expect(ageProblem('2012-11-26', today, {})).toBe('needs_guardian');
    expect(ageProblem('2012-11-26', today, { name: '父亲', consent: true })).toBeNull();
    expect(ageProblem('2012-11-26', today, { name: ' ', consent: true })).toBe('needs_guardian');
    expect(ageProblem('2010-01-01', today, { name: '母亲', consent: false })).toBe('needs_guardian');
    expect(ageProblem('2008-11-26', today, {})).toBeNull();
  });
});

describe('allowedVolunteerActions', () => {
  it('follows the stage for caseworkers, and gives team leaders only hours decisions', () => {
    expect(allowedVolunteerActions({ stage: 'approval', suitability: 'not_needed' }, 'caseworker')).toEqual([
      'approve',
      'reject',
    ]);
    expect(allowedVolunteerActions({ stage: 'screening', suitability: 'pending' }, 'caseworker')).toEqual([]);
    expect(allowedVolunteerActions({ stage: 'screening', suitability: 'error' }, 'supervisor')).toEqual([
      'rescreen',
      'reject',
    ]);
    expect(allowedVolunteerActions({ stage: 'active', suitability: 'passed' }, 'caseworker')).toEqual([
      'confirm_hours',
      'sign_up',
      'log_hours',
      'deactivate',
    ]);
    expect(allowedVolunteerActions({ stage: 'active', suitability: 'passed' }, 'team_leader')).toEqual([
      'confirm_hours',
    ]);
    expect(allowedVolunteerActions({ stage: 'approval', suitability: 'passed' }, 'team_leader')).toEqual([]);
    expect(allowedVolunteerActions({ stage: 'rejected', suitability: 'failed' }, 'supervisor')).toEqual([]);
    expect(allowedVolunteerActions({ stage: 'active', suitability: 'passed' }, 'finance')).toEqual([]);
  });
});
