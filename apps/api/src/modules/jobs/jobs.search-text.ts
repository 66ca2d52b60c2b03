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

export function searchTextOf(parts: { title: string; enterpriseName: string; description: string }): string {
  return `${parts.title} ${parts.enterpriseName} ${parts.description}`.toLowerCase();
}

/** A keyword made safe inside a LIKE pattern. */
export function likePattern(keyword: string): string {
  return `%${keyword.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
