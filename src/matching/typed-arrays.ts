// The one way the matching code's typed arrays grow: into a copy with more room.

/** A copy of `array` with room for `length` items, those past its end set to `fill`. */
export function grown<T extends Int32Array | Uint16Array>(array: T, length: number, fill = 0): T {
  const copy = new (array.constructor as new (length: number) => T)(length);
  if (fill !== 0) copy.fill(fill);
  copy.set(array);
  return copy;
}
