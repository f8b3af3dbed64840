import { computeAllowance, standardOn, type AllowanceStandard } from '../../domain/allowance.js';
import type { HouseholdCategory } from '../../domain/benefit-stages.js';
import { caseloadCsv, type CaseloadColumn } from '../../domain/caseload-csv.js';
import { address, bankAccount, type PeopleFactory, type Person, type Rng } from './demo-people.js';

// The enrolled caseload of a district like the source document's: 1,313 households, 2,802
// people, on average ≈ ¥117 per household and ≈ ¥55 per person a month (incomes a little
// below the standard, topped up by the gap), categories A ~30 %, B ~30 %, C ~40 %, spread over
// the communities by their population. Written as the CSV a bureau would upload.

export interface DemoCommunity {
  code: string;
  name: string;
  streetCode: string;
  residents: number;
}

export interface DemoCaseloadSpec {
  households: number; // default 1,313
  communities: readonly DemoCommunity[];
  standards: readonly AllowanceStandard[];
}

// Household sizes that give exactly 1,313 households and 2,802 people.
const sizeMix: Array<[size: number, households: number]> = [
  [1, 434],
  [2, 462],
  [3, 262],
  [4, 117],
  [5, 38],
];
const SEED_HOUSEHOLDS = 1313;

// Category by household size: lone elderly people are mostly A, larger families mostly C.
const categoryOdds: Record<number, [a: number, b: number]> = { 1: [0.5, 0.85], 2: [0.3, 0.6] };
function categoryFor(rng: Rng, size: number): HouseholdCategory {
  const [a, ab] = categoryOdds[size] ?? [0.08, 0.35];
  const x = rng.next();
  return x < a ? 'A' : x < ab ? 'B' : 'C';
}

/**
 * The monthly shortfall below the standard, per person, in fen: most households are a little
 * short (a low wage, a small pension), a few have almost nothing. Tuned so the district's
 * average comes to ≈ ¥117 per household.
 */
function gapPerPersonFen(rng: Rng, category: HouseholdCategory): number {
  const x = rng.next();
  const base = category === 'A' ? 2200 : category === 'B' ? 1600 : 1200;
  if (x < 0.01) return rng.int(20_000, 60_000); // next to no income
  return base + Math.round(rng.next() ** 2 * 9000);
}

// Most households' current term began when the 2025 standard took effect; the rest since.
const laterStarts = [
  '2025-08-01',
  '2025-09-01',
  '2025-10-01',
  '2025-11-01',
  '2025-12-01',
  '2026-01-01',
  '2026-02-01',
  '2026-03-01',
  '2026-04-01',
  '2026-05-01',
  '2026-06-01',
];

/** Largest-remainder apportionment of `total` over the communities by population. */
function apportion(total: number, communities: readonly DemoCommunity[]): number[] {
  const population = communities.reduce((n, c) => n + c.residents, 0);
  const exact = communities.map((c) => (total * c.residents) / population);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  const left = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) counts[order[k][1]]++;
  return counts;
}

function sizes(rng: Rng, households: number): number[] {
  const list = sizeMix.flatMap(([size, n]) =>
    Array.from({ length: Math.round((n * households) / SEED_HOUSEHOLDS) }, () => size),
  );
  while (list.length < households) list.push(1);
  return rng.shuffle(list.slice(0, households));
}

export interface DemoHousehold {
  category: HouseholdCategory;
  people: Person[];
  incomesFen: number[];
}

/** A household short of the standard by a believable amount, with its members' incomes. */
export function demoHousehold(
  rng: Rng,
  people: PeopleFactory,
  standardFen: number,
  size: number,
  category = categoryFor(rng, size),
): DemoHousehold {
  const members = people.household(category, size);
  const gap = Math.min(standardFen, gapPerPersonFen(rng, category)) * size;
  return { category, people: members, incomesFen: people.incomes(members, Math.max(0, standardFen * size - gap)) };
}

export function demoCaseloadCsv(rng: Rng, people: PeopleFactory, spec: DemoCaseloadSpec): string {
  const perCommunity = apportion(spec.households, spec.communities);
  const sizeList = sizes(rng, spec.households);
  const rows: Array<Partial<Record<CaseloadColumn, string | number | boolean>>> = [];
  let k = 0;
  spec.communities.forEach((community, ci) => {
    for (let i = 1; i <= perCommunity[ci]; i++) {
      const enrolledFrom = rng.chance(0.55) ? '2025-07-01' : rng.pick(laterStarts);
      const standard = standardOn(spec.standards, enrolledFrom);
      if (!standard) throw new Error(`no allowance standard in force on ${enrolledFrom}`);
      const h = demoHousehold(rng, people, standard.standardFen, sizeList[k++]);
      const amountFen = computeAllowance({ standard, incomesFen: h.incomesFen }).amountFen;
      const household = {
        household_ref: `${community.code}-${String(i).padStart(3, '0')}`,
        community_code: community.code,
        address: address(rng, community.streetCode, community.name),
        category: h.category,
        bank_account: bankAccount(rng),
        enrolled_from: enrolledFrom,
        amount_fen: amountFen,
      };
      h.people.forEach((p, m) =>
        rows.push({
          ...household,
          name: p.name,
          id_number: p.idNumber,
          relation: p.relation,
          disabled: p.disabled,
          monthly_income_fen: h.incomesFen[m],
        }),
      );
    }
  });
  return caseloadCsv(rows);
}
