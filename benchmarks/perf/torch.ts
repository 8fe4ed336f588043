import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../harness/package-root.js';
import { LinePeer } from './peer.js';

/** Debian's python3-torch; the system interpreter, not whatever `python3` is first on PATH. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

const PEER = join(PACKAGE_ROOT, 'benchmarks', 'perf', 'torch_peer.py');

/**
 * PyTorch's environment for a fair single-threaded peer: OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE
 * unset (DESIGN § Backends; the bench unsets them for its own process too, so `blas` and PyTorch,
 * which load the same libopenblas, run the same kernels: command.ts). glibc's malloc hands
 * PyTorch's large temporaries (an AdamW step makes several of 800 KB) back to the kernel on every
 * free and faults them in again on the next step; on the project's VMs that made an AdamW step
 * 14 ms instead of 0.25 ms under load (docs/engine.md). Keeping them in the heap (mmap threshold at
 * glibc's 32 MiB maximum, no trimming) measures PyTorch's compute, as the wasm heap, allocated
 * once, does for tfjs.
 */
function peerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OMP_NUM_THREADS: '1',
    OPENBLAS_NUM_THREADS: '1',
    MKL_NUM_THREADS: '1',
    MALLOC_MMAP_THRESHOLD_: String(32 << 20),
    MALLOC_TRIM_THRESHOLD_: String(1 << 30),
  };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

/** Why PyTorch rows cannot be measured here, or null when they can. */
export function torchUnavailable(): string | null {
  const r = spawnSync(SYSTEM_PYTHON, ['-c', 'import torch'], { env: peerEnv(), encoding: 'utf8', timeout: 60_000 });
  if (r.error) return `${SYSTEM_PYTHON} not found (Debian python3-torch is not installed)`;
  if (r.status !== 0) return `${SYSTEM_PYTHON} cannot import torch (Debian python3-torch is not installed)`;
  return null;
}

/** The PyTorch peer (torch_peer.py): the same models, torch.set_num_threads(1). */
export class TorchPeer extends LinePeer {
  version = '';
  /** The OpenBLAS core whose kernels PyTorch's products run (openblas_get_corename in the peer). */
  openblasCore = '';

  constructor() {
    super(SYSTEM_PYTHON, [PEER], peerEnv());
  }

  async start(): Promise<void> {
    const info = await this.request<{ torch: string; openblasCore: string }>({ cmd: 'info' });
    this.version = info.torch;
    this.openblasCore = info.openblasCore;
  }
}
