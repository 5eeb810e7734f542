// Strings kept in code-unit order, for finding every one that starts with what was typed. Each is
// filed by the caller's number for it and the first few code units of it (its head), in a bucket
// named by that head; the strings themselves are asked for, and a bucket sorted, only when the
// bucket is first read after a change. Indexing a base of 100,000 facts so makes and sorts no
// string at all (making half a million phrasing starts took over half a second, and sorting them
// over a second), a half-typed question pays only for the bucket it reads, and an edit of one fact
// inserts its few strings into place.

/** How many code units name a bucket: a typed prefix this long reads one bucket. */
export const HEAD_CHARS = 4;
/** Above this many waiting additions, sorting the whole bucket beats inserting each. */
const INSERT_AT_MOST = 64;

class Bucket {
  /** The strings made so far, in order. */
  items: string[] = [];
  /** The numbers of the strings added since, not made yet. */
  pending: number[] = [];

  /** The items in order, the waiting additions made and put in their places first. */
  sorted(textOf: (ref: number) => string): string[] {
    if (this.pending.length === 0) return this.items;
    if (this.pending.length <= INSERT_AT_MOST) {
      for (const ref of this.pending) {
        const item = textOf(ref);
        this.items.splice(lowerBound(this.items, item), 0, item);
      }
    } else {
      for (const ref of this.pending) this.items.push(textOf(ref));
      // The default order is by code units, as < compares strings, and quicker than any comparator.
      this.items.sort();
    }
    this.pending = [];
    return this.items;
  }
}

export class SortedStrings {
  readonly #textOf: (ref: number) => string;
  readonly #buckets = new Map<string, Bucket>();
  /** The buckets' names in order, once a short prefix has needed them; dropped when a bucket is made. */
  #names: string[] | undefined;

  /**
   * `textOf(ref)` gives the string the caller numbered `ref`, the same every time while it is
   * kept. Strings kept at once must differ.
   */
  constructor(textOf: (ref: number) => string) {
    this.#textOf = textOf;
  }

  /** Keeps the string numbered `ref`, whose first HEAD_CHARS code units (all of it if shorter) are `head`. */
  add(ref: number, head: string): void {
    let bucket = this.#buckets.get(head);
    if (!bucket) {
      this.#buckets.set(head, (bucket = new Bucket()));
      this.#names = undefined;
    }
    bucket.pending.push(ref);
  }

  /** Lets go of the string numbered `ref`, given with the head it was added with, if it is kept. */
  remove(ref: number, head: string): void {
    const bucket = this.#buckets.get(head);
    if (!bucket) return;
    // Not made yet: dropped from the waiting numbers, so an edit never makes a whole bucket.
    const waiting = bucket.pending.indexOf(ref);
    if (waiting >= 0) {
      bucket.pending[waiting] = bucket.pending.at(-1)!;
      bucket.pending.pop();
      return;
    }
    const item = this.#textOf(ref);
    const items = bucket.items;
    const at = lowerBound(items, item);
    if (items[at] === item) items.splice(at, 1);
  }

  /** Up to `limit` of the strings that start with `prefix`, in order. */
  startingWith(prefix: string, limit: number): string[] {
    const found: string[] = [];
    // A bucket's name is its items' start, so buckets read in name order give the items in order.
    for (const name of this.#bucketsFor(prefix)) {
      const items = this.#buckets.get(name)!.sorted(this.#textOf);
      for (let i = lowerBound(items, prefix); i < items.length && found.length < limit && items[i]!.startsWith(prefix); i++) found.push(items[i]!);
      if (found.length >= limit) break;
    }
    return found;
  }

  /** The names of the buckets that can hold strings starting with `prefix`, in order. */
  #bucketsFor(prefix: string): string[] {
    if (prefix.length >= HEAD_CHARS) return [prefix.slice(0, HEAD_CHARS)].filter((name) => this.#buckets.has(name));
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
