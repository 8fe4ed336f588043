import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import type { ModelName } from './models.js';

/**
 * A long-lived process that trains the pinned models on request, one JSON request and one JSON
 * reply per line, so that its rounds interleave with this process's in one run.
 *   {"cmd": "info"} → {...};  {"cmd": "run", "model", "steps", "warmup", "optimizer"?} → {"msPerStep", ...} or {"error"}
 *   {"cmd": "update", "model", "steps", "optimizer"} → {"msPerUpdate", ...} (the PyTorch peer only)
 */
export class LinePeer {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: Interface;
  private readonly pending: Array<(line: string) => void> = [];
  private stderr = '';

  constructor(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
    this.child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-2000);
    });
    this.lines = createInterface({ input: this.child.stdout });
    this.lines.on('line', (l) => {
      if (l.startsWith('{')) this.pending.shift()?.(l);
    });
    this.child.on('exit', () => {
      for (const p of this.pending.splice(0))
        p(JSON.stringify({ error: `peer process exited: ${this.stderr.trim().slice(-400)}` }));
    });
  }

  request<T>(req: object): Promise<T> {
    return new Promise((resolve, reject) => {
      this.pending.push((line) => {
        const reply = JSON.parse(line) as T & { error?: string };
        if (reply.error) reject(new Error(reply.error));
        else resolve(reply);
      });
      this.child.stdin.write(JSON.stringify(req) + '\n');
    });
  }

  /** Milliseconds per training step of `model` over `steps` steps, after `warmup` steps (optimizer: the peer's default when omitted). */
  async run(model: ModelName, steps: number, warmup: number, optimizer?: string): Promise<number> {
    return (
      await this.request<{ msPerStep: number }>({
        cmd: 'run',
        model,
        steps,
        warmup,
        ...(optimizer ? { optimizer } : {}),
      })
    ).msPerStep;
  }

  /** Milliseconds per `optimizer.step()` alone on `model`, two kept gradients applied in turn. */
  async update(model: ModelName, steps: number, optimizer: string): Promise<number> {
    return (await this.request<{ msPerUpdate: number }>({ cmd: 'update', model, steps, optimizer })).msPerUpdate;
  }

  close(): void {
    this.child.stdin.end();
    this.lines.close();
  }
}
