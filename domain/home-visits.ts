import { ageOn } from './id-number.js';
import { policyDaysToMs } from './policy-time.js';

// Volunteers visiting the households that need it (孤、老、病、残): which households are flagged,
// what a planned visit looks like, and when a planned visit counts as missed. The planning pass
// (db/home-visits.ts), the volunteer's visit record (activities/home-visits.ts), the API and the
// console read these.

/** 孤老 (elderly, living alone), 重残 (severely disabled), 重病 (seriously ill). */
export const careFlags = ['elderly_alone', 'severely_disabled', 'seriously_ill'] as const;
export type CareFlag = (typeof careFlags)[number];

export const careFlagNames: Record<CareFlag, string> = {
  elderly_alone: '孤老',
  severely_disabled: '重残',
  seriously_ill: '重病',
};

/** What a volunteer records after a visit: visited, nobody home, or visited and something the caseworker must know. */
export const visitOutcomes = ['done', 'not_home', 'concern'] as const;
export type VisitOutcome = (typeof visitOutcomes)[number];

/** What a concern may be: each may change the household's allowance, so the caseworker looks at it. */
export const concernKinds = ['moved_away', 'new_income', 'hospitalised', 'other'] as const;
export type ConcernKind = (typeof concernKinds)[number];

export const concernNames: Record<ConcernKind, string> = {
  moved_away: '已搬离',
  new_income: '有新收入',
  hospitalised: '住院',
  other: '其他情况',
};

/** open until its record window closes; then visited, or missed. */
export const homeVisitStatuses = ['open', 'visited', 'missed'] as const;
export type HomeVisitStatus = (typeof homeVisitStatuses)[number];

/** All in policy days (SHEQU_DAY_SECONDS long), except the visit's own length. */
export interface VisitPolicy {
  daySeconds: number;
  /** A flagged household is visited this often (SHEQU_VISIT_INTERVAL_DAYS, monthly by default). */
  intervalDays: number;
  /** A visit is planned this long ahead, so volunteers can sign up before it starts. */
  leadDays: number;
  /** The activity's length in minutes of a 1440-minute policy day: the most hours a visit can confirm. */
  visitMinutes: number;
  /** After the activity ends, how long its visit may still be recorded. */
  recordDays: number;
  /** A task a visit raises is due this long after. */
  taskDays: number;
}

export const defaultVisitPolicy: VisitPolicy = {
  daySeconds: 86400,
  intervalDays: 30,
  leadDays: 3,
  visitMinutes: 120,
  recordDays: 3,
  taskDays: 5,
};

/** The activity a visit due at `due` becomes, planned at `now` (never in the past), and when its record window closes. */
export function visitWindow(due: Date, now: Date, p: VisitPolicy): { startsAt: Date; endsAt: Date; recordBy: Date } {
  const base = Math.max(due.getTime(), now.getTime());
  const startsAt = new Date(base + policyDaysToMs(p.leadDays, p.daySeconds));
  // At least a second long: the activity's end must come after its start, however short the day.
  const length = Math.max(1000, policyDaysToMs(p.visitMinutes / 1440, p.daySeconds));
  const endsAt = new Date(startsAt.getTime() + length);
  return { startsAt, endsAt, recordBy: new Date(endsAt.getTime() + policyDaysToMs(p.recordDays, p.daySeconds)) };
}

/**
 * The next visit after the one due at `due`: one interval on, skipping intervals already past.
 * A plan that could not run for months (no team, the system down) makes one visit when it can,
 * not a backlog of visits nobody will make.
 */
export function nextDueAt(due: Date, now: Date, p: VisitPolicy): Date {
  const step = policyDaysToMs(p.intervalDays, p.daySeconds);
  const behind = Math.max(0, now.getTime() - due.getTime());
  return new Date(due.getTime() + (Math.floor(behind / step) + 1) * step);
}

/** Two volunteers where the care may need two pairs of hands (lifting a bedridden person); one otherwise. */
export function visitPlaces(flags: readonly CareFlag[]): 1 | 2 {
  return flags.includes('severely_disabled') || flags.includes('seriously_ill') ? 2 : 1;
}

/** Team kinds (domain/volunteer-stages.ts) in the order a visit prefers them; any team of the community after these. */
export function preferredTeamKinds(flags: readonly CareFlag[]): string[] {
  const kinds: string[] = [];
  if (flags.includes('elderly_alone')) kinds.push('elderly');
  if (flags.includes('severely_disabled')) kinds.push('disabled');
  if (flags.includes('seriously_ill')) kinds.push('elderly', 'disabled');
  kinds.push('community_service');
  return kinds.filter((k, i) => kinds.indexOf(k) === i);
}

const ELDERLY_AGE = 60;
const ADULT_AGE = 18;

/**
 * Whether a visit serves the elderly, children or disabled people, so that only volunteers who
 * passed the suitability check may sign up (the same rule as any activity marked so). A
 * household flagged 孤老 or 重残 is; so is one with a current member under 18, 60 or over, or
 * disabled. A flag of 重病 alone, in a household of adults, is not: the check is about who may
 * work with the elderly, children and disabled people, not with the sick.
 */
export function householdVulnerable(
  flags: readonly CareFlag[],
  members: readonly { birthDate: string; disabled: boolean }[],
  today: string,
): boolean {
  if (flags.includes('elderly_alone') || flags.includes('severely_disabled')) return true;
  return members.some((m) => {
    const age = ageOn(m.birthDate, today);
    return m.disabled || age < ADULT_AGE || age >= ELDERLY_AGE;
  });
}

/**
 * A planned visit is *missed* when, once its record window has closed (the activity's end plus
 * `recordDays`), no volunteer recorded it as done or as a concern: nothing was recorded, or only
 * "not home". The window, rather than the activity's end itself, because a visit's hours can be
 * recorded only once the activity is over (the usual hours rule), so "recorded by the end"
 * could never be met. A concern counts as visited: someone went and saw.
 */
export function settledStatus(outcomes: readonly VisitOutcome[]): 'visited' | 'missed' {
  return outcomes.some((o) => o === 'done' || o === 'concern') ? 'visited' : 'missed';
}

/** How many planned visits in a row, up to this one, were missed. */
export function missedStreak(status: 'visited' | 'missed', previous: { status: string; missedStreak: number } | null) {
  if (status === 'visited') return 0;
  return previous?.status === 'missed' ? previous.missedStreak + 1 : 1;
}

/**
 * Two consecutive missed visits raise one `visit_missed` task for the caseworker; a third miss
 * in the same run adds nothing (the task stands, open or done), a new run after a visit raises
 * a new one.
 */
export const MISSED_IN_A_ROW = 2;
