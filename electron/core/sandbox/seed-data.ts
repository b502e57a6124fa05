// The seeded organisation: the label groups of the listlabelgroups API page (exact ids, names and
// colours), Chinese groups, a label name shared by two groups, a small staff list, and generated
// contacts mixing Chinese and English names with some optional fields left empty.
import type { Contact, LabelGroup } from '../../../shared/domain';
import { createRandom, pick, type Random } from './prng';

/** Signed 32-bit ARGB, as DingTalk sends colours (0xFF17C295 → -15220075). */
export const argb = (rgb: number): number => 0xff000000 | rgb | 0;

const group = (name: string, color: number, firstId: number, names: string[]): LabelGroup => ({
  name,
  color,
  labels: names.map((n, i) => ({ name: n, id: firstId + i })),
});

/** Four groups exactly as the listlabelgroups page shows them, then the sandbox's own. */
export function seedLabelGroups(): LabelGroup[] {
  return [
    {
      name: 'Type',
      color: -15220075,
      labels: [
        { name: 'Customer', id: 1561077310 },
        { name: 'Channel partner', id: 1561077311 },
        { name: 'Supplier', id: 1561077312 },
        { name: 'Partner', id: 1561077313 },
        { name: 'Interviewee', id: 1561077314 },
        { name: 'Other type', id: 1561077315 },
      ],
    },
    {
      name: 'Level',
      color: -11687445,
      labels: [
        { name: 'General', id: 1561077317 },
        { name: 'Important', id: 1561077318 },
        { name: 'Core', id: 1561077319 },
      ],
    },
    {
      name: 'Status',
      color: -543394,
      labels: [
        { name: 'Potential', id: 1561077321 },
        { name: 'Interested', id: 1561077322 },
        { name: 'In negotiation', id: 1561077323 },
        { name: 'Closed deal', id: 1561077324 },
        { name: 'Lost', id: 1561077325 },
      ],
    },
    {
      name: 'Recruitment status',
      color: -543394,
      labels: [
        { name: 'To be invited', id: 1561077327 },
        { name: 'To be interviewed', id: 1561077328 },
        { name: 'First-round interview', id: 1561077329 },
        { name: 'Second-round interview', id: 1561077330 },
        { name: 'Onboarded', id: 1561077331 },
      ],
    },
    // "其他" is in both Chinese groups and "Other" in both English ones: names are unique per group only.
    group('客户类型', argb(0x1890ff), 1561077340, ['重要客户', '普通客户', '潜在客户', '其他']),
    group('行业', argb(0xfa8c16), 1561077350, ['互联网', '制造业', '金融', '教育', '其他']),
    group('Source', argb(0x722ed1), 1561077360, ['Website', 'Referral', 'Exhibition', 'Other']),
    group('Region', argb(0x13c2c2), 1561077370, ['North', 'South', 'East', 'West', 'Other']),
  ];
}

/** Staff userids that may own (follow) or be shared a contact. */
export const SANDBOX_STAFF: readonly string[] = [
  'manager4220',
  '0423752',
  'zhangwei01',
  'lina02',
  'wangfang03',
  'liuyang04',
  'chenjing05',
  'sales_lead',
];

/** Department ids contacts may be shared with. */
export const SANDBOX_DEPTS: readonly number[] = [42536, 420606536, 1, 2, 3];

const CN_SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '欧阳',
];
const CN_GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '建华',
  '晓东',
];
const EN_FIRST = [
  'James',
  'Mary',
  'John',
  'Linda',
  'David',
  'Emma',
  'Michael',
  'Sophia',
  'Daniel',
  'Olivia',
  'Chris',
  'Anna',
];
const EN_LAST = [
  'Smith',
  'Johnson',
  'Brown',
  'Taylor',
  'Wilson',
  'Lee',
  'Walker',
  "O'Neil",
  'García',
  'Müller',
];
const CN_COMPANIES = ['阿里巴巴', '腾讯科技', '华为技术', '美的集团', '招商银行', '新东方教育', '比亚迪'];
const EN_COMPANIES = [
  'DingTalk',
  'Acme Corp',
  'Globex Ltd',
  'Initech',
  'Umbrella Trading',
  'Stark Industries',
];
const CN_TITLES = ['总经理', '采购经理', '销售总监', '工程师', '财务主管'];
const EN_TITLES = ['CFO', 'Development Engineer', 'Purchasing Manager', 'Sales Director', 'CTO'];
const CN_ADDRESSES = [
  '北京市朝阳区建国路88号',
  '上海市浦东新区世纪大道100号',
  '杭州市余杭区文一西路969号',
  '深圳市南山区科技园',
];
const EN_ADDRESSES = [
  'Beijing',
  '1 Harbour Road, Hong Kong',
  '221B Baker Street, London',
  'Singapore 018956',
];
const REMARKS = ['Technical Lead', '老客户', 'VIP', '展会认识', 'Met at the 2024 expo'];
const MOBILE_PREFIXES = ['138', '139', '186', '150', '177', '189', '135'];

/** The userid of the n-th contact ever created in a sandbox (seeded or created through the API). */
export const userIdFor = (n: number): string => `0${1129774889 + n * 37}`;

const maybe = <T>(rnd: Random, share: number, value: () => T): T | undefined =>
  rnd() < share ? value() : undefined;

/** Mobiles are unique by construction: the 8-digit tail is n·7919 mod 10^8 (7919 is prime). */
function mobileFor(rnd: Random, n: number): { state_code: string; mobile: string } {
  const tail = ((n * 7919 + 1234) % 100_000_000).toString().padStart(8, '0');
  if (n % 25 === 7) return { state_code: '852', mobile: `9${tail.slice(1)}` };
  return { state_code: '86', mobile: `${pick(rnd, MOBILE_PREFIXES)}${tail}` };
}

function labelIdsFor(rnd: Random, groups: LabelGroup[]): number[] {
  const count = 1 + Math.floor(rnd() * 3);
  const chosen = new Set<LabelGroup>();
  while (chosen.size < count) chosen.add(pick(rnd, groups));
  return [...chosen].map((g) => pick(rnd, g.labels).id);
}

export function seedContacts(count: number, seed: number, groups: LabelGroup[]): Contact[] {
  return [...seedContactStream(count, seed, groups)];
}

/**
 * The contacts of `seedContacts`, the same ones, generated one at a time as they are taken: an organisation
 * of a million served without holding it (the benches), each contact a fresh object.
 */
export function* seedContactStream(count: number, seed: number, groups: LabelGroup[]): Generator<Contact> {
  const rnd = createRandom(seed);
  for (let n = 0; n < count; n++) {
    const chinese = rnd() < 0.6;
    const name = chinese
      ? pick(rnd, CN_SURNAMES) + pick(rnd, CN_GIVEN)
      : `${pick(rnd, EN_FIRST)} ${pick(rnd, EN_LAST)}`;
    const c: Contact = {
      userid: userIdFor(n),
      name,
      follower_user_id: pick(rnd, SANDBOX_STAFF),
      label_ids: labelIdsFor(rnd, groups),
      ...mobileFor(rnd, n),
    };
    const email = maybe(rnd, 0.5, () => `contact${n}@example.com`);
    const title = maybe(rnd, 0.7, () => pick(rnd, chinese ? CN_TITLES : EN_TITLES));
    const company = maybe(rnd, 0.8, () => pick(rnd, chinese ? CN_COMPANIES : EN_COMPANIES));
    const address = maybe(rnd, 0.5, () => pick(rnd, chinese ? CN_ADDRESSES : EN_ADDRESSES));
    const remark = maybe(rnd, 0.3, () => pick(rnd, REMARKS));
    const depts = maybe(rnd, 0.2, () => [pick(rnd, SANDBOX_DEPTS)]);
    const shared = maybe(rnd, 0.2, () => [pick(rnd, SANDBOX_STAFF)]);
    if (email) c.email = email;
    if (title) c.title = title;
    if (company) c.company_name = company;
    if (address) c.address = address;
    if (remark) c.remark = remark;
    if (depts) c.share_dept_ids = depts;
    if (shared) c.share_user_ids = shared;
    yield c;
  }
}
