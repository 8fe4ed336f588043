import { findReferences, readReference } from '../store/reference.js';
import { isFinished } from '../store/trial-store.js';
import { estimateSeconds, formatDuration, type MeasuredTrial } from '../plan/estimate.js';
import { planEvaluation } from '../plan/plan.js';
import { planPhases, type PhaseContext } from '../plan/phases.js';
import type { Preset } from '../core/claim.js';
import type { ClaimSession } from './session.js';

/** What a dry run needs of `run`'s options (RunClaimOptions has them all). */
interface DryRunOptions {
  preset: Preset;
  workers: number;
  cwd: string;
  log: (line: string) => void;
}

/** Trials a dry run lists by name; the rest are counted (a plan can hold thousands). */
const DRY_RUN_LISTED = 50;

/** `--dry-run`: the plan, what is already done, and an estimate (returned, in seconds); nothing runs. */
export function dryRun(s: ClaimSession, o: DryRunOptions, ctx: PhaseContext): number {
  const { registries, claim, backend } = s;
  const { repeats, workloads } = ctx;
  const plan = planPhases(ctx, s.stored);
  const planned = plan.tuning;
  const tuning = plan.tuningTrials;
  const tuneTodo = plan.tuningMissing;
  const evalCount = workloads.length * (claim.methods.length + claim.baselines.length) * repeats;
  // The re-check trials are known once the first phase is done; before that, their most.
  const recheck = planned ? plan.recheckTrials : null;
  const recheckTodo = planned ? plan.recheckMissing : null;
  const evalTodo = plan.evaluationMissing;
  o.log(`plan for claim ${claim.id} (${o.preset}, ${repeats} repeats per method and workload, ${o.workers} workers):`);
  if (planned?.recordedFrom)
    o.log(`  tuning: none; the quick preset reuses the points the standard run chose (${planned.recordedFrom})`);
  else if (planned)
    o.log(
      `  tuning: ${tuning.length} trials (${planned.choose([]).description}), ${tuning.length - tuneTodo.length} already done`,
    );
  if (planned?.rechecks) {
    o.log(
      recheck && recheckTodo
        ? `  tuning re-check: ${recheck.length} trials, ${recheck.length - recheckTodo.length} already done`
        : `  tuning re-check: up to ${planned.recheckPlaceholders.length} trials (which points depends on the first tuning phase)`,
    );
  }
  o.log(
    `  evaluation: ${evalCount} trials, ${evalTodo ? evalCount - evalTodo.length : 0} already done${evalTodo ? '' : ' (their configuration depends on the tuning result)'}`,
  );
  const todo = [...tuneTodo, ...(recheckTodo ?? []), ...(evalTodo ?? [])];
  for (const t of todo.slice(0, DRY_RUN_LISTED)) o.log(`    todo ${t.id} ${t.label}`);
  if (todo.length > DRY_RUN_LISTED) {
    o.log(`    … and ${todo.length - DRY_RUN_LISTED} more (\`reprobench plan ${claim.id}\` lists every trial)`);
  }
  const pendingRecheck = recheckTodo ?? planned?.recheckPlaceholders ?? [];
  const pendingEval = evalTodo ?? planEvaluation(registries, claim, o.preset, repeats, backend, {});
  const finished = [...s.stored.values()].filter(isFinished);
  const est = estimateSeconds(
    [...tuneTodo, ...pendingRecheck, ...pendingEval],
    finished,
    registries,
    o.workers,
    referenceTrials(o.cwd, claim.id, o.log),
  );
  o.log(
    `  estimated time: ${formatDuration(est.seconds)} on ${o.workers} worker${o.workers === 1 ? '' : 's'} (from ${est.basis.join(', ') || 'nothing left to run'})`,
  );
  return est.seconds;
}

/**
 * The committed references' trials of this claim, every class: how far into their budget each
 * workload's arms ran before stopping (the estimate uses that share, not their seconds).
 * A reference that cannot be read is left out of the estimate, with a line saying so.
 */
function referenceTrials(cwd: string, claim: string, log: (line: string) => void): MeasuredTrial[] {
  const trials: MeasuredTrial[] = [];
  for (const file of findReferences(cwd, claim)) {
    try {
      trials.push(...readReference(file).trials);
    } catch (e) {
      log(`  (${file} left out of the estimate: ${(e as Error).message})`);
    }
  }
  return trials;
}
