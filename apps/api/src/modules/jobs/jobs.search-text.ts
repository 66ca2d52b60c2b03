/**
 * The keys of the keyword search: every two-character window of each run of letters or digits,
 * lower-cased. A job stores the keys of its title, enterprise name and description; a keyword
 * matches when the job holds all of its keys (GIN `@>`), then the text is checked for the exact
 * substring. A one-character keyword has no key and is matched by the substring alone.
 */
export function searchBigrams(text: string): string[] {
  const keys = new Set<string>();
  for (const run of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) keys.add(chars[i]! + chars[i + 1]!);
  }
  return [...keys];
}

/**
 * The job's place as keys of the same index: province, city and (for a county) county — so a
 * keyword and an area intersect inside the GIN index, and the table is read only for jobs that
 * match both.
 */
export function regionKeys(regionCode: string): string[] {
  const keys = [`#p${regionCode.slice(0, 2)}`];
  if (!regionCode.endsWith('0000')) keys.push(`#c${regionCode.slice(0, 4)}`);
  if (!regionCode.endsWith('00')) keys.push(`#d${regionCode}`);
  return keys;
}

/** The one key a searched area stands for: a province, a city or a county. */
export function regionQueryKey(regionCode: string): string {
  if (regionCode.endsWith('0000')) return `#p${regionCode.slice(0, 2)}`;
  if (regionCode.endsWith('00')) return `#c${regionCode.slice(0, 4)}`;
  return `#d${regionCode}`;
}

/**
 * The index keys a search asks for (`job_search_keys` in migration 0021 gives a job the same):
 * within a city or county, each window of the keyword scoped to the city ('4101:焊工'), whose
 * postings are already that city's jobs, and a county's own key; elsewhere the plain windows and
 * the area's key. A keyword without a window (one character) leaves the area's key alone.
 */
export function searchQueryKeys(keyword: string | undefined, region: string | undefined): string[] {
  const windows = keyword ? searchBigrams(keyword) : [];
  if (!region || region.endsWith('0000')) return [...windows, ...(region ? [regionQueryKey(region)] : [])];
  const city = region.slice(0, 4);
  if (!windows.length) return [regionQueryKey(region)];
  return [...windows.map((w) => `${city}:${w}`), ...(region.endsWith('00') ? [] : [regionQueryKey(region)])];
}

export function searchTextOf(parts: { title: string; enterpriseName: string; description: string }): string {
  return `${parts.title} ${parts.enterpriseName} ${parts.description}`.toLowerCase();
}

/** A keyword made safe inside a LIKE pattern. */
export function likePattern(keyword: string): string {
  return `%${keyword.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
