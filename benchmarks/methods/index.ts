import type { MethodDefinition } from '../../harness/core/method.js';
import { adan } from './adan.js';
import { adamw, nadamw } from './adamw.js';
import { autolrs } from './autolrs.js';
import { infiniteSchedule, repeatedCosine } from './continual-schedules.js';
import { cyclicalCurriculum } from './cyclical-curriculum.js';
import { dataSubset } from './data-subset.js';
import { dropout } from './dropout.js';
import { el2nPrune } from './el2n-prune.js';
import { ghostBatchNorm } from './ghost-batch-norm.js';
import { gmp, granet } from './granet.js';
import { highLossBatches } from './high-loss-batches.js';
import { largeBatchAdapted, largeBatchSameEpochs } from './large-batch.js';
import { lrSweepMethods } from './lr-sweep.js';
import { nadamwPytorch } from './pytorch.js';
import { qkLayerNorm } from './qk-layernorm.js';
import { refinedSchedule } from './refined-schedule.js';
import { scheduleMethods } from './schedule-methods.js';
import { sgdNesterov } from './sgd.js';
import { weightDecayMethods } from './weight-decay.js';
import { adamTasks, napTasks } from './task-sequence.js';
import { winnerInit } from './winner-init.js';

/** The built-in methods, registered by id. */
export const builtinMethods: MethodDefinition[] = [
  sgdNesterov,
  adamw,
  nadamw,
  adan,
  ...scheduleMethods,
  highLossBatches,
  dataSubset,
  nadamwPytorch,
  autolrs,
  ghostBatchNorm,
  el2nPrune,
  cyclicalCurriculum,
  largeBatchAdapted,
  largeBatchSameEpochs,
  dropout,
  qkLayerNorm,
  ...lrSweepMethods,
  ...weightDecayMethods,
  gmp,
  granet,
  adamTasks,
  napTasks,
  refinedSchedule,
  winnerInit,
  infiniteSchedule,
  repeatedCosine,
];
