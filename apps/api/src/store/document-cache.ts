/**
 * Document texts by (diagram, version), least recently used first out. Versions are immutable, so
 * an entry can never be stale - not even with several API processes on one PostgreSQL - and the
 * hot paths (reading the current version, diffing a save against the previous one) skip fetching
 * and decompressing a TOASTed document from the database.
 */
export class DocumentCache {
  private readonly entries = new Map<string, string>();
  private size = 0;

  /** @param maxChars total characters kept (a 2,000-node design is about 800,000). */
  constructor(private readonly maxChars = 32 * 1024 * 1024) {}

  get(id: string, version: number): string | undefined {
    const key = `${id}:${version}`;
    const text = this.entries.get(key);
    if (text !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, text);
    }
    return text;
  }

  set(id: string, version: number, text: string): void {
    if (text.length > this.maxChars) return;
    const key = `${id}:${version}`;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.size -= old.length;
      this.entries.delete(key);
    }
    this.entries.set(key, text);
    this.size += text.length;
    for (const [k, v] of this.entries) {
      if (this.size <= this.maxChars) break;
      this.entries.delete(k);
      this.size -= v.length;
    }
  }

  /** Characters held, for tests. */
  get chars(): number {
    return this.size;
  }
}
