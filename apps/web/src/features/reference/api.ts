import type { Industry, Region } from '@unionhub/contracts';
import { adminApi } from '../../lib/api';

let industries: Promise<Industry[]> | null = null;

/** GB/T 4754 sections and divisions; fetched once per page load, they do not change. */
export function listIndustries(): Promise<Industry[]> {
  industries ??= adminApi.get<{ items: Industry[] }>('/reference/industries').then(
    (list) => list.items,
    (error: unknown) => {
      industries = null;
      throw error;
    },
  );
  return industries;
}

export async function listChildRegions(code: string): Promise<Region[]> {
  return (await adminApi.get<{ items: Region[] }>(`/reference/regions/${code}/children`)).items;
}
