/**
 * A stable key for a field or document, derived from its label: the label's Latin words in
 * camelCase, or — for a Chinese label — `<prefix><n>`; unique within the form. The key names the
 * value in submitted data, so it is kept when the label is edited later.
 */
export function deriveKey(label: string, taken: readonly string[], prefix = 'field'): string {
  const words = label
    .replace(/[^a-zA-Z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const camel = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : `${w[0]!.toUpperCase()}${w.slice(1).toLowerCase()}`))
    .join('')
    .slice(0, 36);
  if (/^[a-z]/.test(camel)) {
    let key = camel;
    for (let n = 2; taken.includes(key); n++) key = `${camel}${n}`;
    return key;
  }
  let n = 1;
  while (taken.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
