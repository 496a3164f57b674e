/**
 * A min-heap of (due time, item). Items are re-queued whenever their due time changes; stale
 * entries are skipped by the caller's check on pop, so no search is ever needed.
 */
export class DueQueue<T> {
  private heap: { due: number; item: T }[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(item: T, due: number): void {
    const heap = this.heap;
    heap.push({ due, item });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.due <= heap[i]!.due) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  /** Removes and returns the earliest entry if it is due by `now`. */
  popDue(now: number): { due: number; item: T } | undefined {
    const heap = this.heap;
    if (heap.length === 0 || heap[0]!.due > now) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l]!.due < heap[m]!.due) m = l;
        if (r < heap.length && heap[r]!.due < heap[m]!.due) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i]!, heap[m]!];
        i = m;
      }
    }
    return top;
  }

  clear(): void {
    this.heap = [];
  }
}
