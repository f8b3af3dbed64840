import { ageOn } from './id-number.js';
import type { MatchingRules } from './matching.js';
import { shanghaiDate } from './shanghai-date.js';

// 社会救助暂行办法 §45: a dibao member able to work who, without a valid reason, refuses three
// offers in a row (连续3次) of work fitting her health and ability is to have her own allowance
// reduced or stopped by the county. Shequ never does that itself: the third refusal raises a
// review task for the caseworker with the refusals and a proposal, and the decision stays with
// people (§13: a reduction needs a written decision with reasons).
//
// What counts: a declined offer with no reason kind, or `other`, while she is of working age.
// A refusal for her health, a care duty or because the offer did not fit her is justified: it
// neither counts nor breaks the run. Accepting an offer (an interview) breaks the run — the
// refusals were no longer in a row. Each review takes its refusals: the next review needs three
// more.

export const refusalReasonKinds = ['health', 'care_duty', 'unsuitable_offer', 'other'] as const;
export type RefusalReasonKind = (typeof refusalReasonKinds)[number];

export const justifiedRefusalKinds: readonly RefusalReasonKind[] = ['health', 'care_duty', 'unsuitable_offer'];

export const REFUSAL_REVIEW_PROPOSAL = '建议对该成员减发（须复核决定，不自动执行）';

export type RefusalRules = Pick<MatchingRules, 'refusalLimit' | 'workingAgeMin' | 'workingAgeMax'>;

/** A seeker's answer to a proposed opening, as the referral timeline recorded it. */
export interface OfferAnswer {
  /** The timeline entry (referral_events.id). */
  eventId: number;
  at: string; // ISO instant
  accepted: boolean;
  reasonKind: string | null;
  reason: string;
  referralId: number;
  openingId: number | null;
  title: string | null;
  employer: string | null;
}

export function isWorkingAge(birthDate: string, at: string, rules: RefusalRules): boolean {
  const age = ageOn(birthDate, shanghaiDate(new Date(at)));
  return age >= rules.workingAgeMin && age <= rules.workingAgeMax;
}

export function isUnjustifiedRefusal(a: OfferAnswer, birthDate: string, rules: RefusalRules): boolean {
  if (a.accepted) return false;
  if (a.reasonKind && (justifiedRefusalKinds as readonly string[]).includes(a.reasonKind)) return false;
  return isWorkingAge(birthDate, a.at, rules);
}

/** Every run of `refusalLimit` unjustified refusals in a row, oldest first; answers in time order. */
export function refusalRuns(answers: readonly OfferAnswer[], birthDate: string, rules: RefusalRules): OfferAnswer[][] {
  const runs: OfferAnswer[][] = [];
  let run: OfferAnswer[] = [];
  for (const a of answers) {
    if (a.accepted) run = [];
    else if (isUnjustifiedRefusal(a, birthDate, rules)) {
      run.push(a);
      if (run.length === rules.refusalLimit) {
        runs.push(run);
        run = [];
      }
    }
  }
  return runs;
}

/** The run that `eventId` completes, if its refusal is the one that makes a review due. */
export function refusalReviewDue(
  answers: readonly OfferAnswer[],
  birthDate: string,
  rules: RefusalRules,
  eventId: number,
): OfferAnswer[] | null {
  return refusalRuns(answers, birthDate, rules).find((run) => run[run.length - 1].eventId === eventId) ?? null;
}

/** The review task's details: the refusals (Beijing dates, openings, reasons) and the proposal. */
export function refusalReviewDetails(memberId: number, run: readonly OfferAnswer[]) {
  return {
    rule: '社会救助暂行办法第45条',
    memberId,
    refusals: run.map((a) => ({
      at: a.at,
      date: shanghaiDate(new Date(a.at)),
      referralId: a.referralId,
      openingId: a.openingId,
      title: a.title,
      employer: a.employer,
      reason: a.reason,
      reasonKind: a.reasonKind,
    })),
    proposal: REFUSAL_REVIEW_PROPOSAL,
  };
}
