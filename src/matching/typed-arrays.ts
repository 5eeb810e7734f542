// The one way the matching code's typed arrays grow: into a copy with more room.

/** A copy of `array` with room for `length` items, those past its end set to `fill`. */
export function grown<T extends Int32Array | Uint16Array>(array: T, length: number, fill = 0): T {
  const copy = new (array.constructor as new (length: number) => T)(length);
  if (fill !== 0) copy.fill(fill);
  copy.set(array);
  return copy;
}

/**
 * A list of integers in an Int32Array that doubles when full, cleared by setting `length` to 0 and
 * kept: a build reads millions of word ids, and pushing them to plain arrays, made anew for every
 * fact, cost several times what writing them here does.
 */
export class IntList {
  data = new Int32Array(256);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, 2 * this.length);
    this.data[this.length++] = value;
  }

  /** The integers (a view, valid until the next push). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
