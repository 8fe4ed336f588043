/**
 * The two areas of the scaling law with learning-rate annealing (Tissue et al. 2024,
 * arXiv 2408.11029, eq. 1): after s updates with rates η_1..η_s,
 *   S1(s) = Σ_{i≤s} η_i                       (forward area)
 *   S2(s) = Σ_{i≤s} m_i,  m_i = λ·m_{i−1} + (η_{i−1} − η_i)   (annealing area)
 * with m_0 = 0 and η_0 = η_1 (nothing has been annealed before the first update), λ the decay
 * factor (the paper uses 0.999).
 */
export interface LrAreas {
  /** S1 after s updates, at index s − 1. */
  s1: number[];
  /** S2 after s updates, at index s − 1. */
  s2: number[];
}

/** `lrs[i]` is the rate of update i + 1 (the train loop's 0-based `step`). */
export function lrAreas(lrs: readonly number[], lambda: number): LrAreas {
  const s1: number[] = [];
  const s2: number[] = [];
  let a1 = 0;
  let a2 = 0;
  let m = 0;
  let prev = lrs[0] ?? 0;
  for (const eta of lrs) {
    a1 += eta;
    m = lambda * m + (prev - eta);
    a2 += m;
    prev = eta;
    s1.push(a1);
    s2.push(a2);
  }
  return { s1, s2 };
}
