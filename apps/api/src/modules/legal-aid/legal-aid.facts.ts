import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { members } from '../members/index.js';
import { orgs } from '../orgs/index.js';
import { serviceRequests } from '../service-requests/index.js';
import type { RequestFacts } from './legal-aid.presenter.js';

/** What a lawyer's case shows of its request (the lawyer is not staff in the request's scope). */
export async function findRequestFacts(db: Db, requestId: number): Promise<RequestFacts | null> {
  const [row] = await db
    .select({
      id: serviceRequests.id,
      state: serviceRequests.state,
      memberName: members.name,
      orgId: serviceRequests.orgId,
      orgName: orgs.name,
      data: serviceRequests.data,
      form: serviceRequests.form,
      submittedAt: serviceRequests.submittedAt,
    })
    .from(serviceRequests)
    .innerJoin(members, eq(members.id, serviceRequests.memberId))
    .innerJoin(orgs, eq(orgs.id, serviceRequests.orgId))
    .where(eq(serviceRequests.id, requestId));
  return row ?? null;
}
