// Per slot, a run of integers, every slot's in one array that grows by doubling. A typed array per
// slot would be one more object for the collector to copy and keep track of, which at 100,000
// facts, several per fact, is a good share of indexing. A released slot's space is reclaimed by
// compacting once more than half of the array is dead.
import { grown } from './typed-arrays.js';

export class SlotArena {
  /** The runs, one after the other: slot s's from start(s), length(s) long. Read it again after reserve(). */
  data = new Int32Array(1024);
  #used = 0;
  #dead = 0;
  /** Per slot: where its run starts in data, or −1 for none; and how long it is. */
  #start = new Int32Array(64).fill(-1);
  #length = new Int32Array(64);

  /** Makes room for a run of `length` integers for `slot`, which holds none; returns where it starts in `data`. */
  reserve(slot: number, length: number): number {
    if (slot >= this.#start.length) {
      const slots = Math.max(slot + 1, this.#start.length * 2);
      this.#start = grown(this.#start, slots, -1);
      this.#length = grown(this.#length, slots);
    }
    if (this.#used + length > this.data.length) {
      if (this.#dead > this.#used / 2) this.#compact();
      if (this.#used + length > this.data.length) this.data = grown(this.data, Math.max(this.#used + length, this.data.length * 2));
    }
    const at = this.#used;
    this.#start[slot] = at;
    this.#length[slot] = length;
    this.#used += length;
    return at;
  }

  has(slot: number): boolean {
    return slot < this.#start.length && this.#start[slot]! >= 0;
  }

  /** Where the slot's run starts in `data`; −1 for a slot holding none. */
  start(slot: number): number {
    return slot < this.#start.length ? this.#start[slot]! : -1;
  }

  length(slot: number): number {
    return slot < this.#length.length ? this.#length[slot]! : 0;
  }

  /** The slot's run (a view: valid until the next reserve). */
  view(slot: number): Int32Array {
    const at = this.#start[slot]!;
    return this.data.subarray(at, at + this.#length[slot]!);
  }

  release(slot: number): void {
    if (!this.has(slot)) return;
    this.#dead += this.#length[slot]!;
    this.#start[slot] = -1;
    this.#length[slot] = 0;
  }

  #compact(): void {
    const data = new Int32Array(this.data.length);
    let used = 0;
    for (let slot = 0; slot < this.#start.length; slot++) {
      const at = this.#start[slot]!;
      if (at < 0) continue;
      data.set(this.data.subarray(at, at + this.#length[slot]!), used);
      this.#start[slot] = used;
      used += this.#length[slot]!;
    }
    this.data = data;
    this.#used = used;
    this.#dead = 0;
  }
}
