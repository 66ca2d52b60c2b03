import { pinyin } from 'pinyin-pro';

export interface NameKeys {
  /** Toneless pinyin of the whole name, lower case, letters and digits only: jinshuiquzonggonghui. */
  pinyin: string;
  /** The first letter of each syllable (Latin words kept whole): jsqzgh. */
  initials: string;
}

const clean = (parts: string[]) =>
  parts
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * Search keys of a Chinese name, computed when the name is written so that a search by pinyin or
 * initials is an indexed prefix match. pinyin-pro reads polyphonic characters in context (行业 → hangye).
 */
export function nameKeys(name: string): NameKeys {
  return {
    pinyin: clean(pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })),
    initials: clean(
      pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }),
    ),
  };
}

/** True when a search text is Latin letters only, so it is read as pinyin. */
export function isPinyinQuery(q: string): boolean {
  return /^[a-z]+$/i.test(q.replace(/\s+/g, ''));
}
