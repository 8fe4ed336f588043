import { defineMethod } from '../../harness/core/method.js';
import { PACKAGE_ROOT } from '../../harness/package-root.js';
import { nadamw } from './adamw.js';

/**
 * NAdamW trained by PyTorch through the trainer protocol (docs/protocol.md): the example trainer
 * examples/pytorch/fashion_mnist_mlp.py, which reproduces the tfjs fashion-mnist-mlp trial —
 * same data split, initial weights, batch order, update formulas and schedule — so that the
 * framework is the only difference. Debian's python3-torch (`apt-get install python3-torch`)
 * provides the interpreter at /usr/bin/python3; a project with another Python defines its own
 * command method (README, "External trainers"). One thread. OpenBLAS's kernel and ATen's
 * instruction set are pinned (Haswell, AVX2: what every x86-64 machine of the project's kind
 * runs), not left to the CPU: otherwise a trial's bits depend on which CPU ran it, and a reference
 * made on one machine does not check on the next. The trainer reports both in its `start` line,
 * and `check` compares bit for bit only where they match (version 2: pinned; version 1 left
 * OPENBLAS_CORETYPE unset, so the kernel followed the CPU).
 */
export const nadamwPytorch = defineMethod({
  kind: 'command',
  id: 'nadamw-pytorch',
  version: 2,
  title: 'NAdamW in PyTorch (external trainer)',
  description: 'The nadamw method, ported to PyTorch as an external trainer for fashion-mnist-mlp (examples/pytorch).',
  reference: nadamw.reference,
  command: ['/usr/bin/python3', 'examples/pytorch/fashion_mnist_mlp.py'],
  cwd: PACKAGE_ROOT,
  files: ['examples/pytorch/reprobench_rng.py'],
  env: {
    OPENBLAS_CORETYPE: 'Haswell',
    ATEN_CPU_CAPABILITY: 'avx2',
    OPENBLAS_L2_SIZE: null,
    OMP_NUM_THREADS: '1',
    OPENBLAS_NUM_THREADS: '1',
  },
  hparams: { ...nadamw.hparams, optimizer: 'nadamw' },
  searchSpace: nadamw.searchSpace,
  // Start-up (importing torch, reading 47 MB of data, drawing the initial weights) takes seconds.
  watchdogSeconds: 120,
});
