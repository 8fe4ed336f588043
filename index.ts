/**
 * The package entry (`import ... from 'reprobench'`): the machinery's API from harness/, plus the
 * building blocks of the built-in content that user definitions reuse. Composed here so that
 * harness/ never imports benchmarks/ or workloads/ (test/unit/architecture/imports.test.ts).
 */
export * from './harness/index.js';

// Building blocks for user definitions, from the built-in content.
export { createMlp } from './workloads/common/mlp.js';
export { SlotOptimizer } from './benchmarks/methods/optimizers/slot-optimizer.js';
export { AdamWOptimizer } from './benchmarks/methods/optimizers/adamw.js';
export { AdanOptimizer } from './benchmarks/methods/optimizers/adan.js';
export { SgdOptimizer } from './benchmarks/methods/optimizers/sgd.js';
export { scheduledLearningRate, scheduleMultiplier, SCHEDULE_NAMES } from './benchmarks/methods/schedules.js';
export type { ScheduleName, ScheduleOptions } from './benchmarks/methods/schedules.js';
export { createScaledTwoLayer } from './workloads/common/scaled-two-layer.js';
