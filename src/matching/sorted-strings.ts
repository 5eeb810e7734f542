// Strings kept in code-unit order, for finding every one that starts with what was typed by binary
// search. Additions wait in a pile until the list is next read (or settled): a base of 100,000
// facts is then sorted once rather than shifted at every insertion, while an edit of one fact
// inserts its few strings in place.

/** Above this many waiting additions, sorting the whole list beats inserting each. */
const INSERT_AT_MOST = 64;

export class SortedStrings {
  #items: string[] = [];
  #pending: string[] = [];

  add(item: string): void {
    this.#pending.push(item);
  }

  /** Removes one copy of `item`, if there is one. */
  remove(item: string): void {
    const waiting = this.#pending.lastIndexOf(item);
    if (waiting >= 0) {
      this.#pending.splice(waiting, 1);
      return;
    }
    const at = this.#lowerBound(item);
    if (this.#items[at] === item) this.#items.splice(at, 1);
  }

  /** Puts the waiting additions in their places; reading does it too, so call it only to pay the cost early. */
  settle(): void {
    if (this.#pending.length === 0) return;
    if (this.#pending.length <= INSERT_AT_MOST) {
      for (const item of this.#pending) this.#items.splice(this.#lowerBound(item), 0, item);
    } else {
      for (const item of this.#pending) this.#items.push(item);
      // The default order is by code units, as < compares strings, and quicker than any comparator.
      this.#items.sort();
    }
    this.#pending = [];
  }

  /** Up to `limit` of the strings that start with `prefix`, in order. */
  startingWith(prefix: string, limit: number): string[] {
    this.settle();
    const found: string[] = [];
    for (let i = this.#lowerBound(prefix); i < this.#items.length && found.length < limit && this.#items[i]!.startsWith(prefix); i++) found.push(this.#items[i]!);
    return found;
  }

  #lowerBound(item: string): number {
    let lo = 0;
    let hi = this.#items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#items[mid]! < item) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
