// The district of the source document: 海陵区, 31.69 km², 328,000 residents, 6 streets and
// 5 towns, 76 community residents' committees under the streets. Community names are
// illustrative; resident counts add up to roughly the district's urban population.

export interface SeedUnit {
  code: string;
  name: string;
  kind: 'district' | 'street' | 'town' | 'community';
  residents?: number;
  children?: SeedUnit[];
}

const streets: Array<[string, string, string[]]> = [
  [
    'cd',
    '城东街道',
    ['东风', '迎春', '鲍坝', '凤凰', '东进', '春晖', '明珠', '朝阳', '海光', '东升', '塘湾', '新东', '红旗'],
  ],
  [
    'cx',
    '城西街道',
    ['西仓', '五一', '西郊', '渔行', '望海', '梅兰', '稻河', '西城', '新华', '彩虹', '永安', '西园', '光孝'],
  ],
  [
    'cn',
    '城南街道',
    ['南山寺', '坡子街', '南园', '税东', '东桥', '南通', '八字桥', '南城', '老街', '鼓楼南', '永泰', '绿园', '海阳'],
  ],
  [
    'cb',
    '城北街道',
    ['北园', '扬桥', '九龙', '北山', '泰山', '府前', '北城', '高桥', '新北', '通扬', '城北新村', '渔行北'],
  ],
  [
    'cz',
    '城中街道',
    ['鼓楼', '人民', '青年', '府东', '府西', '中心', '海陵', '天德湖', '梅园', '泰和', '凤城河', '坡子', '西坝口'],
  ],
  [
    'jtl',
    '京泰路街道',
    ['京泰', '春兰', '济川', '长江', '翠竹', '金港', '碧水', '兴泰', '欣园', '兴业', '泰安', '锦江'],
  ],
];

const towns: Array<[string, string]> = [
  ['ky', '苏陈镇'],
  ['jd', '九龙镇'],
  ['rm', '罡杨镇'],
  ['kx', '华港镇'],
  ['cy', '红旗镇'],
];

function residentsFor(streetIndex: number, communityIndex: number): number {
  // Deterministic spread between ~3,000 and ~5,600 residents per community.
  return 3000 + ((streetIndex * 7919 + communityIndex * 104729) % 2600);
}

export const district: SeedUnit = {
  code: 'hl',
  name: '海陵区',
  kind: 'district',
  residents: 328000,
  children: [
    ...streets.map(([code, name, communities], s): SeedUnit => ({
      code,
      name,
      kind: 'street',
      children: communities.map((c, i) => ({
        code: `${code}-${String(i + 1).padStart(2, '0')}`,
        name: `${c}社区`,
        kind: 'community' as const,
        residents: residentsFor(s, i),
      })),
    })),
    ...towns.map(([code, name]): SeedUnit => ({ code, name, kind: 'town' })),
  ],
};

export const demoUsers = [
  { username: 'caseworker1', displayName: '王芳（社区专干）', role: 'caseworker', orgUnitCode: 'cd-01' },
  { username: 'caseworker2', displayName: '赵敏（社区专干）', role: 'caseworker', orgUnitCode: 'cd-01' },
  { username: 'reviewer1', displayName: '李强（街道审核）', role: 'street_reviewer', orgUnitCode: 'cd' },
  { username: 'approver1', displayName: '张伟（区民政局审批）', role: 'district_approver', orgUnitCode: 'hl' },
  { username: 'finance1', displayName: '陈静（财务）', role: 'finance', orgUnitCode: 'hl' },
  { username: 'supervisor1', displayName: '刘洋（督导）', role: 'supervisor', orgUnitCode: 'hl' },
  { username: 'admin1', displayName: '系统管理员', role: 'admin', orgUnitCode: 'hl' },
  { username: 'leader1', displayName: '孙丽（志愿服务队队长）', role: 'team_leader', orgUnitCode: 'cd-01' },
] as const;
