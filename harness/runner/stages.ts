/**
 * Stage planning: a method that sets its learning rate stage by stage after trying candidates
 * on the fly (AutoLRS, catalogue #60). Before each stage the training loop hands the method's
 * planner a `probe` function; every probe trains from the stage's starting state and is undone
 * afterwards, and every probe step is charged as a training step (it counts in the trial's
 * steps, examples and training seconds), so steps to target include the search.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainingOptimizer } from '../core/optimizer.js';
import { ReprobenchError } from '../errors.js';
import type { Batch } from './batch-source.js';
import { disposeSnapshot, restoreTrainingState, snapshotTrainingState, type TrainingSnapshot } from './train-state.js';

/** What a probe saw: the training loss of each probe step, on its batch before the update. */
export interface ProbeResult {
  /** One loss per step taken; a non-finite loss ends the probe and is kept as its last entry. */
  losses: number[];
  /** True when the trial's step budget ended the probe early (fewer losses than asked for). */
  truncated: boolean;
}

/** Context the planner gets at the start of each stage. */
export interface StageContext {
  /** Steps taken so far, probes of earlier stages included. */
  step: number;
  /** 0-based index of the stage being planned. */
  stage: number;
  /** The trial's step budget. */
  budgetSteps: number;
  /**
   * Trains `steps` steps at `learningRate` from the state at the stage's start, on the stage's
   * probe batches (every probe of a stage sees the same batches, in order), returns their losses,
   * and restores the starting state (parameters and optimizer slots).
   */
  probe(learningRate: number, steps: number): Promise<ProbeResult>;
}

/** The stage the planner chose: a constant learning rate for `steps` steps. */
export interface StagePlan {
  learningRate: number;
  steps: number;
}

/** A method's stage planner (`MethodDefinition.stagePlanner`); one per trial, so it may keep state between stages. */
export interface StagePlanner {
  plan(ctx: StageContext): Promise<StagePlan>;
}

/** What `planStage` needs from the training loop. */
export interface StageRunner {
  /** Every variable a probe may change (parameters and non-trainable model state), restored after it. */
  params: tf.Variable[];
  optimizer: TrainingOptimizer;
  budgetSteps: number;
  /** Steps taken so far (probes included). */
  stepsTaken(): number;
  /** The next probe batch, from the method's own stream (so the shared batch order is untouched). */
  drawProbeBatch(): Batch;
  /** One training step on `batch`, counted and timed by the loop as any other step; returns its loss. Leaves the batch alive. */
  chargedStep(batch: Batch): Promise<number>;
}

/**
 * Asks the planner for the next stage, running the probes it requests. The snapshot is taken at
 * the first probe and restored after every probe, so the stage starts from exactly the state it
 * would have had without the search; a probe stops at its first non-finite loss (the candidate
 * is dead, and steps not taken are not charged) or when the step budget ends.
 */
export async function planStage(planner: StagePlanner, stage: number, run: StageRunner): Promise<StagePlan> {
  let snapshot: TrainingSnapshot | null = null;
  const batches: Batch[] = [];
  try {
    const plan = await planner.plan({
      step: run.stepsTaken(),
      stage,
      budgetSteps: run.budgetSteps,
      probe: async (learningRate, steps) => {
        snapshot ??= await snapshotTrainingState(run.params, run.optimizer);
        run.optimizer.learningRate = learningRate;
        const losses: number[] = [];
        let truncated = false;
        for (let i = 0; i < steps; i++) {
          if (run.stepsTaken() >= run.budgetSteps) {
            truncated = true;
            break;
          }
          while (batches.length <= i) batches.push(run.drawProbeBatch());
          const l = await run.chargedStep(batches[i]!);
          losses.push(l);
          if (!Number.isFinite(l)) break;
        }
        await restoreTrainingState(snapshot, run.params, run.optimizer);
        return { losses, truncated };
      },
    });
    if (!(
      Number.isFinite(plan.learningRate) &&
      plan.learningRate >= 0 &&
      Number.isInteger(plan.steps) &&
      plan.steps >= 1
    )) {
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `stage planner returned learning rate ${plan.learningRate} for ${plan.steps} steps`,
        "a stage needs a finite learning rate ≥ 0 and a whole number of steps ≥ 1: check the method's stagePlanner",
      );
    }
    return plan;
  } finally {
    if (snapshot) disposeSnapshot(snapshot);
    for (const b of batches) tf.dispose([b.x, b.y]);
  }
}
