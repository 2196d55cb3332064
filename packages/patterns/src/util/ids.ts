/** Turns any text into an id of the document's id alphabet (`[a-z0-9][a-z0-9_-]*`). */
export function slugify(text: string, fallback = 'node'): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, 60)
    .replace(/[-_]+$/, '');
  return slug || fallback;
}

/** `base` if free, else `base-2`, `base-3`, ... (a base that ends in `-N` is continued, not nested). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  const m = /^(.*?)-(\d+)$/.exec(base);
  const stem = m ? (m[1] as string) : base;
  let n = m ? Number(m[2]) + 1 : 2;
  while (taken.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}
