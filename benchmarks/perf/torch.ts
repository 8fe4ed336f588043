import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../harness/package-root.js';
import type { ModelName } from './models.js';

/** Debian's python3-torch; the system interpreter, not whatever `python3` is first on PATH. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

const PEER = join(PACKAGE_ROOT, 'benchmarks', 'perf', 'torch_peer.py');

/**
 * PyTorch's environment for a fair single-threaded peer: this machine sets OPENBLAS_CORETYPE and
 * OPENBLAS_L2_SIZE for other tools; they are unset for this subprocess only (DESIGN § Backends).
 */
function peerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
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

/** A long-lived PyTorch process answering one request per line, so its rounds interleave with tfjs's. */
export class TorchPeer {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: Interface;
  private readonly pending: Array<(line: string) => void> = [];
  private stderr = '';
  version = '';

  constructor() {
    this.child = spawn(SYSTEM_PYTHON, [PEER], { env: peerEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-2000);
    });
    this.lines = createInterface({ input: this.child.stdout });
    this.lines.on('line', (l) => this.pending.shift()?.(l));
    this.child.on('exit', () => {
      for (const p of this.pending.splice(0)) p(JSON.stringify({ error: `PyTorch peer exited: ${this.stderr.trim().slice(-400)}` }));
    });
  }

  private request<T>(req: object): Promise<T> {
    return new Promise((resolve, reject) => {
      this.pending.push((line) => {
        const reply = JSON.parse(line) as T & { error?: string };
        if (reply.error) reject(new Error(reply.error));
        else resolve(reply);
      });
      this.child.stdin.write(JSON.stringify(req) + '\n');
    });
  }

  async start(): Promise<void> {
    this.version = (await this.request<{ torch: string }>({ cmd: 'info' })).torch;
  }

  /** Milliseconds per training step of `model` over `steps` steps, after `warmup` steps. */
  async run(model: ModelName, steps: number, warmup: number): Promise<number> {
    return (await this.request<{ msPerStep: number }>({ cmd: 'run', model, steps, warmup })).msPerStep;
  }

  close(): void {
    this.child.stdin.end();
    this.lines.close();
  }
}
