/**
 * GraNet's mask arithmetic (Liu et al. 2021, "Sparse Training via Boosting Pruning Plasticity
 * with Neuroregeneration", arXiv 2106.10404), transcribed from the authors' code:
 * github.com/Shiweiliuiiiiiii/GraNet @ f338a24, CIFAR/sparselearning/core.py — `Masking.step`
 * (when an event fires), `pruning` (global gradual magnitude pruning), `truncate_weights` +
 * `magnitude_death` + `gradient_growth` (neuroregeneration), `apply_mask` (weights and momentum),
 * and `CosineDecay` (the regeneration rate). Pure functions on Float32Arrays, so a test can hold
 * them against a PyTorch run of the same functions (scripts/fixtures/granet_reference.py).
 */

/** When events fire and how far they prune, in optimizer steps (the code's epochs × batches). */
export interface GranetSchedule {
  /** Steps between two events (`--update-frequency`). */
  every: number;
  /** First step at which events may fire (`init_prune_epoch` × batches per epoch). */
  start: number;
  /** Step at which gradual pruning ends (`final_prune_epoch` × batches per epoch). */
  end: number;
  /** Density before pruning (`--init-density`; 1 = dense-to-sparse). */
  initDensity: number;
  /** Density gradual pruning heads for (`--final-density`). */
  finalDensity: number;
  /** Regeneration rate at step 0 (`--prune-rate`, 0.5 in the paper). */
  regrowRate: number;
  /** Horizon of the rate's cosine decay: the whole training run (`len(train_loader) * epochs`). */
  regrowHorizon: number;
  /** The decay's floor (`CosineDecay(eta_min=0.005)`). */
  regrowFloor: number;
}

/** Whether an event fires after optimizer step `step` (1-based, as `Masking.steps`). */
export function isEventStep(step: number, s: GranetSchedule): boolean {
  return step >= s.start && step % s.every === 0;
}

/**
 * The sparsity `pruning(step)` prunes to at an event, or null when that event does not prune:
 * iterations are counted in events (`int(step / every)`), and the last one pruned is
 * `final_iter − 1`, so the schedule stops one event short of `finalDensity`, as in the code.
 */
export function gmpSparsity(step: number, s: GranetSchedule): number | null {
  const curr = Math.trunc(step / s.every);
  const ini = Math.trunc(s.start / s.every);
  const fin = Math.trunc(s.end / s.every);
  if (curr < ini || curr > fin - 1) return null;
  const decay = (1 - (curr - ini) / (fin - ini)) ** 3;
  return 1 - s.initDensity + (s.initDensity - s.finalDensity) * (1 - decay);
}

/** The regeneration rate after `step` steps: torch's CosineAnnealingLR in closed form. */
export function regrowthRate(step: number, s: GranetSchedule): number {
  return s.regrowFloor + ((s.regrowRate - s.regrowFloor) * (1 + Math.cos((Math.PI * step) / s.regrowHorizon))) / 2;
}

/**
 * Global magnitude pruning over all masked tensors (`pruning`): keep the `int(N·(1−sparsity))`
 * largest |w| by a threshold at the smallest kept value, with a strict `>` (so ties at the
 * threshold go, and the first event of a dense-to-sparse run, at sparsity 0, removes the smallest).
 */
export function globalMagnitudeMasks(weights: Float32Array[], sparsity: number): Uint8Array[] {
  const total = weights.reduce((n, w) => n + w.length, 0);
  const keep = Math.trunc(total * (1 - sparsity));
  const scores = new Float32Array(total);
  let o = 0;
  for (const w of weights) for (let i = 0; i < w.length; i++) scores[o++] = Math.abs(w[i]!);
  scores.sort();
  // torch.topk(scores, keep)[-1]: the keep-th largest; with nothing to keep, everything goes.
  const threshold = keep > 0 ? scores[total - keep]! : Infinity;
  return weights.map((w) => Uint8Array.from(w, (v) => (Math.abs(v) > threshold ? 1 : 0)));
}

/**
 * One tensor's neuroregeneration (`magnitude_death` then `gradient_growth`): remove
 * `ceil(rate·nnz)` more of the smallest |w| (the threshold counts the mask's zeros first, as the
 * code's sort does), then activate as many inactive positions as were removed, by the largest
 * |dense gradient|. Ties in the gradient's order go to the lower index (torch's sort leaves them
 * unspecified). Returns the new mask; weights are not changed here (see {@link granetEvent}).
 */
export function pruneAndRegrow(weight: Float32Array, mask: Uint8Array, grad: Float32Array, rate: number): Uint8Array {
  let nonzeros = 0;
  for (const m of mask) nonzeros += m;
  const zeros = mask.length - nonzeros;
  const remove = Math.ceil(rate * nonzeros);
  let next: Uint8Array;
  if (remove === 0) {
    next = Uint8Array.from(weight, (v) => (v !== 0 ? 1 : 0));
  } else {
    const sorted = Float32Array.from(weight, Math.abs).sort();
    const threshold = sorted[Math.ceil(zeros + remove) - 1]!;
    next = Uint8Array.from(weight, (v) => (Math.abs(v) > threshold ? 1 : 0));
  }
  let kept = 0;
  for (const m of next) kept += m;
  const regrow = Math.trunc(nonzeros - kept);
  const order = Array.from(next.keys()).sort((a, b) => {
    const ga = next[a] === 0 ? Math.abs(grad[a]!) : 0;
    const gb = next[b] === 0 ? Math.abs(grad[b]!) : 0;
    return gb - ga || a - b;
  });
  for (let i = 0; i < regrow && i < order.length; i++) next[order[i]!] = 1;
  return next;
}

/** One tensor's state through an event: the weight, its momentum buffer, and its mask. */
export interface MaskedTensor {
  weight: Float32Array;
  buf: Float32Array | null;
  mask: Uint8Array;
  grad: Float32Array;
}

/**
 * One event as `Masking.step` runs it after an optimizer step: `pruning` (if the schedule still
 * prunes) then its `apply_mask`, then, when `regrow`, `truncate_weights` and its `apply_mask`.
 * `apply_mask` zeroes the weight and the momentum buffer where the mask is 0, so a connection that
 * gradual pruning cut and regeneration revived in the same event restarts from 0, while one
 * removed and revived by regeneration alone keeps its value. Returns the new tensors.
 */
export function granetEvent(
  tensors: MaskedTensor[],
  step: number,
  s: GranetSchedule,
  regrow: boolean,
): { weight: Float32Array; buf: Float32Array | null; mask: Uint8Array }[] {
  let state = tensors.map((t) => ({ weight: t.weight, buf: t.buf, mask: t.mask }));
  const sparsity = gmpSparsity(step, s);
  if (sparsity !== null) {
    const masks = globalMagnitudeMasks(
      state.map((t) => t.weight),
      sparsity,
    );
    state = state.map((t, i) => applyMask(t.weight, t.buf, masks[i]!));
  }
  if (regrow) {
    const rate = regrowthRate(step, s);
    state = state.map((t, i) => applyMask(t.weight, t.buf, pruneAndRegrow(t.weight, t.mask, tensors[i]!.grad, rate)));
  }
  return state;
}

/** `apply_mask`: the weight and its momentum buffer times the mask. */
export function applyMask(weight: Float32Array, buf: Float32Array | null, mask: Uint8Array) {
  return {
    weight: weight.map((v, i) => (mask[i] ? v : 0)),
    buf: buf ? buf.map((v, i) => (mask[i] ? v : 0)) : null,
    mask,
  };
}
