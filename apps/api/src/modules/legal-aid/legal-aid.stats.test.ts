import { describe, expect, it } from 'vitest';
import { memberWithAccount } from '../../test/service-hall.js';
import {
  act,
  assignedCase,
  cityLawyer,
  countyLawyer,
  env,
  staffAt,
  tree,
  useLegalAidEnv,
} from './legal-aid.test-setup.js';

useLegalAidEnv();

describe('legal statistics: consultations and legal aid', () => {
  it('counts questions, answer times and ratings by field and union, and aid cases with their amounts', async () => {
    const member = await memberWithAccount(env, tree.grassroots);
    const ask = async (field: string) => {
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/v1/me/legal/consultations',
        headers: member.headers,
        payload: { field, text: '单位不给缴社保也不签合同，我能要求补缴吗？' },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const answered = await ask('wages');
    await ask('contract');
    env.clock.advance(10 * 60_000);
    const reply = await env.app.inject({
      method: 'POST',
      url: `/api/v1/legal/workspace/consultations/${answered}/answer`,
      headers: await cityLawyer.headers(),
      payload: { text: '可以向社保经办机构投诉，要求单位补缴。' },
    });
    expect(reply.statusCode, reply.body).toBe(200);
    const rated = await env.app.inject({
      method: 'POST',
      url: `/api/v1/me/legal/consultations/${answered}/rate`,
      headers: member.headers,
      payload: { rating: 5 },
    });
    expect(rated.statusCode, rated.body).toBe(200);

    const id = await assignedCase(member);
    await assignedCase(member);
    const out = await env.app.inject({
      method: 'PUT',
      url: `/api/v1/legal/workspace/aid-cases/${id}/outcome`,
      headers: await countyLawyer.headers(),
      payload: { outcome: 'settled', amountClaimedFen: 1_860_000, amountRecoveredFen: 1_500_000 },
    });
    expect(out.statusCode, out.body).toBe(200);
    const county = await staffAt(tree.county);
    expect((await act(id, 'complete', county, { comment: '调解和解' })).statusCode).toBe(200);

    const res = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal/stats?orgId=${tree.city.id}`,
      headers: await staffAt(tree.city),
    });
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats.consultations.totals).toMatchObject({
      asked: 2,
      answered: 1,
      answerMinutesMedian: 10,
      answerMinutesP90: 10,
      rated: 1,
      satisfaction: 1,
      ratingMean: 5,
      timedOut: 0,
    });
    expect(stats.consultations.byField).toContainEqual(
      expect.objectContaining({ field: 'wages', asked: 1, answered: 1 }),
    );
    expect(stats.consultations.byOrg).toEqual([
      expect.objectContaining({ orgName: '金水区总工会', asked: 2 }),
    ]);
    expect(stats.legalAid.totals).toEqual({
      cases: 2,
      open: 1,
      closed: 1,
      amountClaimedFen: 1_860_000,
      amountRecoveredFen: 1_500_000,
    });
    expect(stats.legalAid.byOutcome).toEqual([{ outcome: 'settled', count: 1 }]);
    expect(stats.legalAid.byStage).toEqual(
      expect.arrayContaining([
        { stage: 'assigned', count: 1 },
        { stage: 'closed', count: 1 },
      ]),
    );

    const xlsx = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal/stats.xlsx?orgId=${tree.city.id}`,
      headers: await staffAt(tree.city),
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
