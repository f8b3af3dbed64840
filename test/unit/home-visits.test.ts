import { describe, expect, it } from 'vitest';
import {
  defaultVisitPolicy,
  householdVulnerable,
  missedStreak,
  nextDueAt,
  preferredTeamKinds,
  settledStatus,
  visitPlaces,
  visitWindow,
} from '../../domain/home-visits.js';

// The visit plan's pure rules: when a visit is, when the next is due, how many go, whom it
// serves, and when a visit counts as missed.

const p = defaultVisitPolicy;
const day = 86400_000;
const at = (iso: string) => new Date(iso);

describe('home visit rules', () => {
  it('plans a visit lead days ahead of when it is due (never in the past), two hours long, recordable for three days', () => {
    const due = at('2026-03-01T02:00:00Z');
    const w = visitWindow(due, due, p);
    expect(w.startsAt.toISOString()).toBe('2026-03-04T02:00:00.000Z');
    expect(w.endsAt.getTime() - w.startsAt.getTime()).toBe(2 * 3600_000);
    expect(w.recordBy.getTime() - w.endsAt.getTime()).toBe(3 * day);
    // Planned late (the system was down): from when it is planned.
    const late = visitWindow(due, at('2026-03-10T00:00:00Z'), p);
    expect(late.startsAt.toISOString()).toBe('2026-03-13T00:00:00.000Z');
    // However short the policy day, the activity ends after it starts.
    const fast = visitWindow(due, due, { ...p, daySeconds: 1 });
    expect(fast.endsAt.getTime() - fast.startsAt.getTime()).toBe(1000);
  });

  it('the next visit is one interval on, skipping intervals already past', () => {
    const due = at('2026-03-01T00:00:00Z');
    expect(nextDueAt(due, due, p).getTime() - due.getTime()).toBe(30 * day);
    expect(nextDueAt(due, at('2026-03-20T00:00:00Z'), p).getTime() - due.getTime()).toBe(30 * day);
    expect(nextDueAt(due, at('2026-05-15T00:00:00Z'), p).getTime() - due.getTime()).toBe(90 * day);
  });

  it('two places where care may need two pairs of hands; a team of the right kind first', () => {
    expect(visitPlaces(['elderly_alone'])).toBe(1);
    expect(visitPlaces(['severely_disabled'])).toBe(2);
    expect(visitPlaces(['elderly_alone', 'seriously_ill'])).toBe(2);
    expect(preferredTeamKinds(['elderly_alone'])).toEqual(['elderly', 'community_service']);
    expect(preferredTeamKinds(['severely_disabled', 'seriously_ill'])).toEqual([
      'disabled',
      'elderly',
      'community_service',
    ]);
  });

  it('needs the suitability check for 孤老 and 重残, and for households with minors, elderly or disabled members', () => {
    const adult = { birthDate: '1985-06-01', disabled: false };
    const today = '2026-03-01';
    expect(householdVulnerable(['elderly_alone'], [], today)).toBe(true);
    expect(householdVulnerable(['severely_disabled'], [adult], today)).toBe(true);
    expect(householdVulnerable(['seriously_ill'], [adult], today)).toBe(false);
    expect(householdVulnerable(['seriously_ill'], [adult, { birthDate: '2015-01-01', disabled: false }], today)).toBe(
      true,
    );
    expect(householdVulnerable(['seriously_ill'], [{ birthDate: '1966-03-01', disabled: false }], today)).toBe(true);
    expect(householdVulnerable(['seriously_ill'], [{ birthDate: '1966-03-02', disabled: false }], today)).toBe(false);
    expect(householdVulnerable(['seriously_ill'], [{ ...adult, disabled: true }], today)).toBe(true);
  });

  it('a visit is missed unless someone recorded it done or a concern; misses count in a row', () => {
    expect(settledStatus([])).toBe('missed');
    expect(settledStatus(['not_home'])).toBe('missed');
    expect(settledStatus(['not_home', 'done'])).toBe('visited');
    expect(settledStatus(['concern'])).toBe('visited');
    expect(missedStreak('missed', null)).toBe(1);
    expect(missedStreak('missed', { status: 'visited', missedStreak: 0 })).toBe(1);
    expect(missedStreak('missed', { status: 'missed', missedStreak: 1 })).toBe(2);
    expect(missedStreak('missed', { status: 'missed', missedStreak: 2 })).toBe(3);
    expect(missedStreak('visited', { status: 'missed', missedStreak: 2 })).toBe(0);
  });
});
