// Strings kept in code-unit order, for finding every one that starts with what was typed. They are
// filed in buckets by their first few code units, and a bucket is sorted only when it is first read
// after a change: indexing a base of 100,000 facts sorts nothing (sorting half a million phrasing
// starts took over a second), a half-typed question sorts only the bucket it reads, and an edit of
// one fact inserts its few strings into place.

/** How many code units name a bucket: a typed prefix this long reads one bucket. */
const BUCKET_CHARS = 4;
/** Above this many waiting additions, sorting the whole bucket beats inserting each. */
const INSERT_AT_MOST = 64;

class Bucket {
  items: string[] = [];
  pending: string[] = [];

  /** The items in order, the waiting additions put in their places first. */
  sorted(): string[] {
    if (this.pending.length === 0) return this.items;
    if (this.pending.length <= INSERT_AT_MOST) {
      for (const item of this.pending) this.items.splice(lowerBound(this.items, item), 0, item);
    } else {
      for (const item of this.pending) this.items.push(item);
      // The default order is by code units, as < compares strings, and quicker than any comparator.
      this.items.sort();
    }
    this.pending = [];
    return this.items;
  }
}

export class SortedStrings {
  readonly #buckets = new Map<string, Bucket>();
  /** The buckets' names in order, once a short prefix has needed them; dropped when a bucket is made. */
  #names: string[] | undefined;

  add(item: string): void {
    const name = item.slice(0, BUCKET_CHARS);
    let bucket = this.#buckets.get(name);
    if (!bucket) {
      this.#buckets.set(name, (bucket = new Bucket()));
      this.#names = undefined;
    }
    bucket.pending.push(item);
  }

  /** Removes one copy of `item`, if there is one. */
  remove(item: string): void {
    const bucket = this.#buckets.get(item.slice(0, BUCKET_CHARS));
    if (!bucket) return;
    // Sorted first, so that removing is a binary search, not a scan of the additions waiting.
    const items = bucket.sorted();
    const at = lowerBound(items, item);
    if (items[at] === item) items.splice(at, 1);
  }

  /** Up to `limit` of the strings that start with `prefix`, in order. */
  startingWith(prefix: string, limit: number): string[] {
    const found: string[] = [];
    // A bucket's name is its items' start, so buckets read in name order give the items in order.
    for (const name of this.#bucketsFor(prefix)) {
      const items = this.#buckets.get(name)!.sorted();
      for (let i = lowerBound(items, prefix); i < items.length && found.length < limit && items[i]!.startsWith(prefix); i++) found.push(items[i]!);
      if (found.length >= limit) break;
    }
    return found;
  }

  /** The names of the buckets that can hold strings starting with `prefix`, in order. */
  #bucketsFor(prefix: string): string[] {
    if (prefix.length >= BUCKET_CHARS) return [prefix.slice(0, BUCKET_CHARS)].filter((name) => this.#buckets.has(name));
    this.#names ??= [...this.#buckets.keys()].sort();
    const names: string[] = [];
    for (let i = lowerBound(this.#names, prefix); i < this.#names.length && this.#names[i]!.startsWith(prefix); i++) names.push(this.#names[i]!);
    return names;
  }
}

/** Where `item` goes in the sorted `items`: the first place whose string is not less than it. */
function lowerBound(items: readonly string[], item: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]! < item) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
