import type { MemberCategory, MemberQuery, MemberSort, MemberStatus } from '@unionhub/contracts';

export interface MemberFilters {
  q?: string;
  status?: MemberStatus;
  category?: MemberCategory;
  orgId?: number;
}

/** The list request for the filters on screen: blank fields left out, the keyword trimmed. */
export function buildMemberQuery(
  filters: MemberFilters,
  page: number,
  pageSize: number,
  sort?: MemberSort,
): MemberQuery {
  const q = filters.q?.trim();
  return {
    ...(q ? { q } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.orgId ? { orgId: filters.orgId } : {}),
    ...(sort ? { sort } : {}),
    page,
    pageSize,
  };
}
