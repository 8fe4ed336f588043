import { defineClaim } from '../../harness/core/claim.js';
import { LYLE_2024, RELABEL_MINIATURE, TASKS_HPARAMS } from './nap-plasticity.js';

/**
 * Catalogue #70, the premise NaP answers: a layer-normalised network trained through a task
 * sequence at a constant learning rate fits a new task worse than a fresh network does (its
 * parameter norm grows, its effective learning rate decays). Also the validity check of
 * nap-plasticity. Statistic per repeat: final accuracy on the last task after the 20-task sequence
 * minus that of a fresh network trained only on that task for the same 100 steps.
 */
export const lnPlasticityLossClaim = defineClaim({
  id: 'ln-plasticity-loss',
  version: 1,
  title: 'A layer-normalised network loses plasticity through a task sequence at a constant learning rate',
  paper: LYLE_2024,
  quote:
    'normalization brings with it a subtle but important side effect: an equivalence between growth in the norm of the ' +
    'network parameters and decay in the effective learning rate. This becomes problematic in continual learning settings, ' +
    'where the resulting effective learning rate schedule may decay to near zero too quickly relative to the timescale of ' +
    'the learning problem.',
  claimedEffect: {
    description:
      'accuracy on the last task after the 20-task sequence minus that of a fresh network trained on the same task for the ' +
      'same 100 steps, same optimizer and learning rate (negative = plasticity lost); the abstract gives no size',
    direction: 'method-better',
  },
  fidelity: {
    kind: 'stand-in',
    differs:
      'a Fashion-MNIST random-label task sequence with Adam stands in for the paper’s continual-learning settings; the ' +
      'decay of the effective learning rate is not measured, only its consequence',
  },
  testType: 'phenomenon',
  phenomenon: {
    description:
      'validation accuracy (= the last task) at the end of the 20-task sequence minus that of a fresh network after 100 steps ' +
      'on the last task alone, in accuracy units (the statistic is the best over the evals; earlier evals score the last ' +
      "task's labels before it is trained, near chance)",
    statistic: { kind: 'best', metric: 'validation/accuracy', direction: 'higher' },
    // ±2 points, the margin of nap-plasticity (one standard error of an accuracy on 500 images).
    nullRegion: [-0.02, 0.02],
    claimedSide: 'below',
    contrasts: [{ workload: 'fashion-mnist-relabel', than: ['fashion-mnist-relabel:last-task'] }],
  },
  methods: [{ method: 'adam-tasks', hparams: TASKS_HPARAMS }],
  baselines: [],
  workloads: ['fashion-mnist-relabel', 'fashion-mnist-relabel:last-task'],
  // Not used by a phenomenon verdict (the null region plays its part); required by the card format.
  margin: { value: 0.02, units: 'absolute' },
  repeats: { quick: 2, standard: 8 },
  miniature:
    RELABEL_MINIATURE +
    ' The fresh network (workload variant last-task) trains only the final task, with the same labels and images. Skeptic: ' +
    'the fresh network starts with a fresh Adam state as well as fresh weights, so the difference bundles every source of ' +
    "lost plasticity, not only the norm growth the paper names (nap-plasticity isolates the projection's share).",
});
