import { idNumberCheckChar, type MemberCategory } from '@unionhub/contracts';
import { createMember } from '../modules/members/index.js';
import type { OrgRow } from '../modules/orgs/index.js';
import type { AppContext } from '../platform/context.js';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉兰志强红梅晓东海燕鹏飞文博子涵雨轩浩然欣怡梓萱宇航俊杰佳怡思远雅静';

/** The phone of the n-th demo member (the first union's members come first). */
export const demoMemberPhone = (n: number) => `139${String(37000000 + n * 7).padStart(8, '0')}`;

/** A small deterministic generator, so every demo install holds the same people. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Realistic members for the demo grassroots unions: Chinese names, valid ID numbers from Zhengzhou
 * (410105), phones outside the demo member's own, join dates over the last three years, and some
 * worker categories — so the registry, the statistics and the exports have something to show.
 */
export async function seedDemoMembers(ctx: AppContext, unions: OrgRow[], perUnion = 30): Promise<number> {
  const rand = prng(410105);
  const pick = (chars: string) => [...chars][Math.floor(rand() * [...chars].length)]!;
  const today = ctx.clock.now();
  let made = 0;
  for (const [u, union] of unions.entries()) {
    for (let i = 0; i < perUnion; i++) {
      const n = u * perUnion + i;
      const year = 1966 + Math.floor(rand() * 38);
      const birth = `${year}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      const male = rand() < 0.56;
      const seq = String(100 + n * 2 + (male ? 1 : 0))
        .padStart(3, '0')
        .slice(-3);
      const first17 = `410105${birth}${seq}`;
      const joined = new Date(today.getTime() - Math.floor(rand() * 3 * 365) * 86_400_000);
      const categories: MemberCategory[] = [];
      if (rand() < 0.3) categories.push('migrant_worker');
      if (rand() < 0.08) categories.push('new_form_worker');
      if (rand() < 0.03) categories.push('model_worker');
      await createMember(ctx, null, {
        orgId: union.id,
        name: `${pick(SURNAMES)}${pick(GIVEN)}${rand() < 0.6 ? pick(GIVEN) : ''}`,
        idNumber: `${first17}${idNumberCheckChar(first17)}`,
        phone: demoMemberPhone(n),
        joinedOn: joined.toISOString().slice(0, 10),
        employerName: union.name.replace(/(工会委员会|联合工会|工会|行业工会|产业工会)$/, ''),
        categories,
      });
      made++;
    }
  }
  return made;
}
