import type { HouseholdCategory, MemberRelation } from '../../domain/benefit-stages.js';
import { idCheckChar } from '../../domain/id-number.js';

// Believable, entirely invented residents of 海陵区 for the demo seed: names as people of each
// generation are named in Taizhou, ID numbers of region 321202 with their GB 11643 check digit,
// addresses on the district's roads, bank card numbers. Deterministic from a seed, so every
// fresh install shows the same district. No real person's data.

/** mulberry32: small, fast, good enough to make demo data look random and stay reproducible. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

// Common surnames of Taizhou, the frequent ones repeated so they come up more often.
const surnames = [
  ...'张王陈徐朱刘李吴周顾'.repeat(3),
  ...'钱丁季沈蒋黄杨孙高卢缪储仲凌宗薛翟殷封单俞姜于马赵胡许陆葛戴蔡曹严袁潘秦吕汤孔夏唐毛邵范',
];
const given = {
  old: {
    m: [
      '建国',
      '国华',
      '德明',
      '振华',
      '志强',
      '金宝',
      '长根',
      '荣华',
      '福生',
      '桂林',
      '正清',
      '永康',
      '家富',
      '宝林',
      '国庆',
      '文斌',
      '根宝',
      '仁和',
      '友良',
      '世昌',
      '保国',
      '如海',
      '广才',
      '春生',
    ],
    f: [
      '秀英',
      '桂英',
      '玉兰',
      '凤英',
      '桂芳',
      '秀兰',
      '美华',
      '兰英',
      '素珍',
      '金凤',
      '翠英',
      '月娥',
      '玉珍',
      '红英',
      '淑珍',
      '秀珍',
      '凤兰',
      '巧云',
      '国英',
      '梅芳',
    ],
  },
  mid: {
    m: [
      '伟',
      '军',
      '勇',
      '强',
      '磊',
      '斌',
      '峰',
      '涛',
      '明',
      '建华',
      '海峰',
      '立新',
      '卫东',
      '志刚',
      '晓东',
      '春华',
      '国平',
      '小兵',
      '亚军',
      '红兵',
      '建军',
      '永林',
      '海涛',
      '俊',
    ],
    f: [
      '丽',
      '芳',
      '敏',
      '静',
      '燕',
      '红',
      '霞',
      '娟',
      '艳',
      '丽华',
      '海燕',
      '春梅',
      '晓红',
      '玉梅',
      '小芳',
      '美玲',
      '红梅',
      '丽萍',
      '雪梅',
      '琴',
    ],
  },
  young: {
    m: [
      '浩然',
      '子轩',
      '宇航',
      '俊杰',
      '一鸣',
      '梓睿',
      '皓宇',
      '明轩',
      '天佑',
      '博文',
      '泽宇',
      '嘉豪',
      '睿',
      '昊',
      '子豪',
      '晨阳',
      '文杰',
      '思远',
    ],
    f: [
      '欣怡',
      '梓涵',
      '雨桐',
      '诗涵',
      '可馨',
      '佳怡',
      '思琪',
      '若曦',
      '一诺',
      '语嫣',
      '紫萱',
      '梦瑶',
      '雨欣',
      '婷',
      '悦',
      '子涵',
      '晓雯',
      '佳琪',
    ],
  },
};

/** Ages are counted from this year, so the seed does not change with the clock. */
export const REF_YEAR = 2025;
const REGION = '321202'; // 泰州市海陵区

export interface Person {
  name: string;
  idNumber: string;
  relation: MemberRelation;
  age: number;
  male: boolean;
  disabled: boolean;
}

export class PeopleFactory {
  private readonly ids = new Set<string>();
  constructor(private readonly rng: Rng) {}

  person(relation: MemberRelation, age: number, male: boolean, surname: string, disabled = false): Person {
    const r = this.rng;
    const birthYear = REF_YEAR - age;
    const gen = birthYear < 1966 ? given.old : birthYear < 1991 ? given.mid : given.young;
    return {
      name: surname + r.pick(male ? gen.m : gen.f),
      idNumber: this.idNumber(birthYear, male),
      relation,
      age,
      male,
      disabled,
    };
  }

  surname(): string {
    return this.rng.pick(surnames);
  }

  private idNumber(birthYear: number, male: boolean): string {
    const r = this.rng;
    for (;;) {
      const month = r.int(1, 12);
      const day = r.int(1, new Date(Date.UTC(birthYear, month, 0)).getUTCDate());
      // The 17th digit is odd for men and even for women.
      const serial = r.int(0, 99) * 10 + (male ? r.pick([1, 3, 5, 7, 9]) : r.pick([0, 2, 4, 6, 8]));
      const first17 = `${REGION}${birthYear}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
      const id = first17 + idCheckChar(first17);
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  /**
   * A household of `size` people fitting its category: A mostly elderly or severely disabled,
   * B middle-aged with dependants, C working-age families with children.
   */
  household(category: HouseholdCategory, size: number): Person[] {
    const r = this.rng;
    const surname = this.surname();
    const headMale = r.chance(category === 'A' ? 0.5 : 0.6);
    const headAge =
      category === 'A'
        ? r.chance(0.75)
          ? r.int(60, 89)
          : r.int(30, 59)
        : category === 'B'
          ? r.int(42, 66)
          : r.int(26, 54);
    const headDisabled =
      category === 'A' ? headAge < 60 || r.chance(0.25) : category === 'B' ? r.chance(0.15) : r.chance(0.04);
    const people = [this.person('head', headAge, headMale, surname, headDisabled)];
    if (size >= 2) {
      const spouseAge = Math.max(20, headAge + (headMale ? -r.int(0, 5) : r.int(0, 5)));
      people.push(this.person('spouse', spouseAge, !headMale, this.surname(), category === 'A' && r.chance(0.2)));
    }
    while (people.length < size) {
      const i = people.length;
      if (category !== 'A' && i >= 3 && headAge < 50 && r.chance(0.5)) {
        people.push(
          this.person('parent', Math.min(95, headAge + r.int(24, 32)), r.chance(0.4), surname, r.chance(0.2)),
        );
      } else if (headAge >= 62 && r.chance(0.5)) {
        people.push(this.person('grandchild', r.int(4, 17), r.chance(0.5), surname));
      } else {
        const childAge = Math.max(0, headAge - r.int(22, 34));
        people.push(
          this.person(
            'child',
            childAge,
            r.chance(0.5),
            surname,
            childAge >= 18 && r.chance(category === 'A' ? 0.4 : 0.08),
          ),
        );
      }
    }
    return people;
  }

  /** Splits a household's monthly income (whole yuan) among its members as wages, pensions, nothing. */
  incomes(people: readonly Person[], totalFen: number): number[] {
    const weight = (p: Person) =>
      p.age < 18 || (p.age <= 22 && p.relation !== 'head') ? 0 : p.disabled ? 0.4 : p.age >= 60 ? 1.2 : 3;
    const weights = people.map((p) => weight(p) * (0.5 + this.rng.next()));
    const sum = weights.reduce((a, b) => a + b, 0) || 1;
    const yuanTotal = Math.floor(totalFen / 100);
    const shares = weights.map((w) => Math.floor((yuanTotal * w) / sum));
    shares[0] += yuanTotal - shares.reduce((a, b) => a + b, 0); // the remainder to the head
    return shares.map((y) => y * 100);
  }
}

const roads: Record<string, string[]> = {
  cd: ['东风北路', '东风南路', '东进东路', '鲍徐路', '凤凰东路', '迎春东路', '春晖路', '海光路'],
  cx: ['五一路', '西仓街', '梅兰西路', '渔行路', '望海楼路', '稻河路', '西郊路'],
  cn: ['坡子街', '海陵南路', '鼓楼南路', '税东街', '八字桥街', '南山寺路', '永泰路'],
  cb: ['海陵北路', '扬桥路', '九龙路', '北园路', '府前路', '通扬路', '鼓楼北路'],
  cz: ['鼓楼路', '人民东路', '人民西路', '青年南路', '青年北路', '梅兰东路', '天德湖路', '凤城河路'],
  jtl: ['京泰路', '春兰路', '济川路', '长江路', '翠竹路', '金港路', '兴泰路'],
};
const estates = ['新村', '小区', '花园', '苑', '家园'];

export function address(rng: Rng, streetCode: string, communityName: string): string {
  const base = communityName.replace(/社区$/, '');
  if (rng.chance(0.45)) return `${rng.pick(roads[streetCode] ?? roads.cz)}${rng.int(1, 360)}号`;
  return `${base}${rng.pick(estates)}${rng.int(1, 36)}幢${rng.int(1, 4)}单元${rng.int(1, 6)}0${rng.int(1, 4)}室`;
}

// Card BINs of the banks that pay benefits in Taizhou: 农行, 建行, 工行, 中行, 邮储, 农商行.
const bins = ['622848', '621700', '622202', '621661', '622188', '623059'];

function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');

/** A 19- or 16-digit card number with its Luhn digit, or an older 15-digit passbook account. */
export function bankAccount(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.1) return `3212${digits(rng, 11)}`;
  const body = rng.pick(bins) + digits(rng, roll < 0.25 ? 9 : 12);
  return body + luhnDigit(body);
}
