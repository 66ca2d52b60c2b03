import { cumulativeOf, pickWeighted, type Rng } from './random.js';

/**
 * Surnames with their approximate share of the population (per mille, 2020 census order); the
 * rest of the weight is spread over the less common ones, compound surnames included.
 */
const SURNAMES: [string, number][] = [
  ['王', 73],
  ['李', 72],
  ['张', 69],
  ['刘', 54],
  ['陈', 46],
  ['杨', 32],
  ['黄', 24],
  ['赵', 23],
  ['吴', 21],
  ['周', 21],
  ['徐', 17],
  ['孙', 16],
  ['马', 15],
  ['朱', 14],
  ['胡', 13],
  ['郭', 13],
  ['何', 12],
  ['林', 11],
  ['高', 11],
  ['罗', 11],
  ['郑', 10],
  ['梁', 10],
  ['谢', 8],
  ['宋', 8],
  ['唐', 7.5],
  ['许', 7],
  ['韩', 7],
  ['冯', 7],
  ['邓', 7],
  ['曹', 6.5],
  ['彭', 6.5],
  ['曾', 6],
  ['肖', 6],
  ['田', 6],
  ['董', 5.5],
  ['袁', 5.5],
  ['潘', 5],
  ['于', 5],
  ['蒋', 5],
  ['蔡', 5],
  ['余', 5],
  ['杜', 4.5],
  ['叶', 4.5],
  ['程', 4.5],
  ['苏', 4],
  ['魏', 4],
  ['吕', 4],
  ['丁', 4],
  ['任', 4],
  ['沈', 3.5],
  ['姚', 3.5],
  ['卢', 3.5],
  ['姜', 3.5],
  ['崔', 3.5],
  ['钟', 3.5],
  ['谭', 3],
  ['陆', 3],
  ['汪', 3],
  ['范', 3],
  ['金', 3],
  ['石', 3],
  ['廖', 3],
  ['贾', 3],
  ['夏', 2.5],
  ['韦', 2.5],
  ['付', 2.5],
  ['方', 2.5],
  ['白', 2.5],
  ['邹', 2.5],
  ['孟', 2.5],
  ['熊', 2.5],
  ['秦', 2.5],
  ['邱', 2.5],
  ['江', 2.5],
  ['尹', 2.5],
  ['薛', 2],
  ['闫', 2],
  ['段', 2],
  ['雷', 2],
  ['侯', 2],
  ['龙', 2],
  ['史', 2],
  ['陶', 2],
  ['黎', 2],
  ['贺', 2],
  ['顾', 2],
  ['毛', 2],
  ['郝', 2],
  ['龚', 2],
  ['邵', 2],
  ['万', 2],
  ['钱', 2],
  ['严', 1.5],
  ['覃', 1.5],
  ['武', 1.5],
  ['戴', 1.5],
  ['莫', 1.5],
  ['孔', 1.5],
  ['向', 1.5],
  ['汤', 1.5],
  ['常', 1.5],
  ['牛', 1.5],
  ['申', 1.2],
  ['葛', 1.2],
  ['耿', 1],
  ['岳', 1],
  ['聂', 1],
  ['樊', 1],
  ['靳', 0.8],
  ['楚', 0.5],
  ['司马', 0.05],
  ['欧阳', 0.2],
  ['诸葛', 0.03],
  ['上官', 0.03],
  ['皇甫', 0.02],
  ['司徒', 0.03],
];

const MALE = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欣博文建国志永新海峰亮晨阳东振宏兵';
const FEMALE = '芳娜敏静丽艳娟霞秀英华玲桂兰萍红燕梅琳雪倩婷颖慧洁琪晶璐佳欣悦瑶妍怡丹蕾薇月莉凤云';
/** Characters that begin or end a two-character given name of either sex. */
const NEUTRAL = '子一思家嘉雨晓文佳俊梓宇浩天明金建春秋瑞安宏新志云海玉立永';

const surnameTable = cumulativeOf(SURNAMES.map(([, w]) => w));

export function personName(rng: Rng, gender: 'male' | 'female'): string {
  const surname = SURNAMES[pickWeighted(surnameTable, rng.next())]![0];
  const own = gender === 'male' ? MALE : FEMALE;
  // About a third of the working population has a one-character given name.
  if (rng.chance(0.32)) return surname + own[rng.int(own.length)]!;
  const first = rng.chance(0.4) ? NEUTRAL[rng.int(NEUTRAL.length)]! : own[rng.int(own.length)]!;
  let second = own[rng.int(own.length)]!;
  if (second === first) second = own[(own.indexOf(second) + 1) % own.length]!;
  return surname + first + second;
}

/** Trade names: two characters from this list, as Chinese firms name themselves. */
const BRAND =
  '宏达鑫源华泰恒信中原豫康瑞丰盛通嘉禾永安天润金鼎汇丰新兴东方博远富民长城银河锦程万和隆基正大国泰福星海利建业绿城三维启明亚星安阳汉唐龙腾凯旋众诚';
/** Two different characters of the trade-name list. */
function tradeName(rng: Rng): string {
  const a = rng.int(BRAND.length);
  const b = (a + 1 + rng.int(BRAND.length - 1)) % BRAND.length;
  return BRAND[a]! + BRAND[b]!;
}

const INDUSTRIES: { word: string; section: string }[] = [
  { word: '机械制造', section: 'C' },
  { word: '食品', section: 'C' },
  { word: '纺织', section: 'C' },
  { word: '化工', section: 'C' },
  { word: '电子科技', section: 'C' },
  { word: '建材', section: 'C' },
  { word: '汽车零部件', section: 'C' },
  { word: '建筑工程', section: 'E' },
  { word: '建设集团', section: 'E' },
  { word: '商贸', section: 'F' },
  { word: '物流', section: 'G' },
  { word: '快递服务', section: 'G' },
  { word: '餐饮管理', section: 'H' },
  { word: '酒店管理', section: 'H' },
  { word: '软件科技', section: 'I' },
  { word: '信息技术', section: 'I' },
  { word: '物业服务', section: 'K' },
  { word: '房地产开发', section: 'K' },
  { word: '人力资源服务', section: 'L' },
  { word: '农业科技', section: 'A' },
  { word: '煤业', section: 'B' },
  { word: '电力', section: 'D' },
  { word: '环保科技', section: 'N' },
];
const FIRM_FORMS = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];

/** A company name: place, trade name, line of business, legal form — 郑州宏达机械制造有限公司. */
export function enterpriseName(rng: Rng, place: string): { name: string; industryCode: string } {
  const brand = tradeName(rng);
  const industry = rng.pick(INDUSTRIES);
  const prefix = rng.chance(0.5) ? place : '河南';
  return { name: `${prefix}${brand}${industry.word}${rng.pick(FIRM_FORMS)}`, industryCode: industry.section };
}

const INSTITUTIONS: { name: (place: string, n: string) => string; section: string }[] = [
  { name: (p, n) => `${p}第${n}人民医院`, section: 'Q' },
  { name: (p, n) => `${p}第${n}中学`, section: 'P' },
  { name: (p, n) => `${p}第${n}实验小学`, section: 'P' },
  { name: (p) => `${p}中心卫生院`, section: 'Q' },
  { name: (p) => `${p}供电公司`, section: 'D' },
  { name: (p) => `${p}自来水公司`, section: 'D' },
  { name: (p) => `${p}公共交通有限公司`, section: 'G' },
];
const NUMERALS = '一二三四五六七八九';

/** A school, hospital or public utility of a place. */
export function institutionName(rng: Rng, place: string): { name: string; industryCode: string } {
  const kind = rng.pick(INSTITUTIONS);
  return { name: kind.name(place, NUMERALS[rng.int(NUMERALS.length)]!), industryCode: kind.section };
}

const SMALL_SHOPS = [
  '便利店',
  '餐馆',
  '超市',
  '理发店',
  '汽车维修部',
  '快递驿站',
  '家政服务部',
  '药店',
  '五金店',
  '干洗店',
];

/** The small employer of a member of a joint union: 金水区宏达便利店. */
export function smallEmployerName(rng: Rng, place: string): string {
  return `${place}${tradeName(rng)}${rng.pick(SMALL_SHOPS)}`;
}

const JOINT_FOCUS = ['小微企业', '商圈', '新就业形态劳动者', '个体工商户', '楼宇', '市场', '物流园区'];
const TRADES: { word: string; section: string }[] = [
  { word: '建筑业', section: 'E' },
  { word: '快递物流', section: 'G' },
  { word: '餐饮行业', section: 'H' },
  { word: '家政服务业', section: 'O' },
  { word: '货车司机', section: 'G' },
  { word: '网约车', section: 'G' },
];

/** A regional joint union: 花园路街道小微企业联合工会. */
export function jointUnionName(rng: Rng, town: string): string {
  return `${town}${rng.pick(JOINT_FOCUS)}联合工会`;
}

/** An industry union of a county: 金水区快递物流工会联合会. */
export function industryUnionName(rng: Rng, county: string): { name: string; industryCode: string } {
  const trade = rng.pick(TRADES);
  return { name: `${county}${trade.word}工会联合会`, industryCode: trade.section };
}

/** 金水区 → 金水, 郑州市 → 郑州, 中牟县 → 中牟: the short place name firms put in front. */
export function shortPlace(name: string): string {
  return name.length > 2 ? name.replace(/(市|县|区|镇|乡|街道|办事处)$/, '') : name;
}
