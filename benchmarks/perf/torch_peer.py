"""PyTorch peer of benchmarks/perf/models.ts: the same pinned models, single-threaded.

Driven over stdin/stdout by benchmarks/perf/torch.ts so that PyTorch and tfjs rounds interleave
in one run: each input line is a JSON request, each output line a JSON reply.
  {"cmd": "info"}                               -> {"torch": "...", "threads": 1, "blas": "..."}
  {"cmd": "run", "model": "mlp", "steps": 50}   -> {"model": "mlp", "msPerStep": 1.23, "loss": ...}
  {"cmd": "run", "model": "mlp", "optimizer": "adan", "steps": 50}   (optimizers: torch_optimizers.py)
  {"cmd": "update", "model": "mlp", "optimizer": "adan", "steps": 50} -> {"msPerUpdate": 0.12, ...}
      (optimizer.step() alone, on two kept gradients in turn: the bench's update-only rows)
"""
import ctypes
import json
import math
import sys
import time

import torch
import torch.nn.functional as F

from torch_optimizers import OPTIMIZERS

torch.set_num_threads(1)
torch.manual_seed(0)


def mlp(batch=128, hidden=256):
    m = torch.nn.Sequential(torch.nn.Linear(784, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 10))
    x = torch.randn(batch, 784)
    y = torch.randint(0, 10, (batch,))
    return m, lambda: F.cross_entropy(m(x), y)


def cnn(batch=128, c1=16, c2=32):
    m = torch.nn.Sequential(
        torch.nn.Conv2d(1, c1, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(c1, c2, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Linear(7 * 7 * c2, 10))
    x = torch.randn(batch, 1, 28, 28)
    y = torch.randint(0, 10, (batch,))
    return m, lambda: F.cross_entropy(m(x), y)


class Transformer(torch.nn.Module):
    """1 layer, pre-norm, GELU (tanh) MLP; by default d=64, 4 heads, context 16, vocabulary 32, width 256."""

    def __init__(self, vocab=32, ctx=16, d=64, heads=4, ff=256):
        super().__init__()
        self.heads, self.ctx, self.d = heads, ctx, d
        self.tok = torch.nn.Parameter(torch.randn(vocab, d) * 0.02)
        self.pos = torch.nn.Parameter(torch.randn(ctx, d) * 0.02)
        self.ln1, self.ln2, self.lnf = torch.nn.LayerNorm(d), torch.nn.LayerNorm(d), torch.nn.LayerNorm(d)
        self.qkv, self.proj = torch.nn.Linear(d, 3 * d), torch.nn.Linear(d, d)
        self.fc1, self.fc2, self.out = torch.nn.Linear(d, ff), torch.nn.Linear(ff, d), torch.nn.Linear(d, vocab)
        self.register_buffer('mask', torch.triu(torch.full((ctx, ctx), -1e9), diagonal=1))

    def forward(self, ids):
        b, t = ids.shape
        dh = self.d // self.heads
        x = self.tok[ids] + self.pos
        q, k, v = self.qkv(self.ln1(x)).split(self.d, dim=-1)
        split = lambda z: z.view(b, t, self.heads, dh).transpose(1, 2)
        att = torch.softmax(split(q) @ split(k).transpose(-1, -2) / math.sqrt(dh) + self.mask, dim=-1)
        x = x + self.proj((att @ split(v)).transpose(1, 2).reshape(b, t, self.d))
        x = x + self.fc2(F.gelu(self.fc1(self.ln2(x)), approximate='tanh'))
        return self.out(self.lnf(x))


def transformer(batch=64, ctx=16, d=64, heads=4, vocab=32, ff=256):
    m = Transformer(vocab, ctx, d, heads, ff)
    seq = torch.randint(0, vocab, (batch, ctx + 1))
    ids, targets = seq[:, :-1], seq[:, 1:]
    return m, lambda: F.cross_entropy(m(ids).reshape(-1, vocab), targets.reshape(-1))


# The GPU-sized variants: the sizes of benchmarks/perf/models.ts.
MODELS = {
    'mlp': mlp, 'cnn': cnn, 'transformer': transformer,
    'mlp-large': lambda: mlp(batch=1024, hidden=2048),
    'cnn-large': lambda: cnn(batch=256, c1=32, c2=64),
    'transformer-large': lambda: transformer(batch=64, ctx=64, d=256, heads=8, vocab=64, ff=1024),
}
built = {}


def openblas_core():
    """The core whose kernels the loaded libopenblas runs (the library torch's products use)."""
    try:
        lib = ctypes.CDLL('libopenblas.so.0')
        lib.openblas_get_corename.restype = ctypes.c_char_p
        return lib.openblas_get_corename().decode()
    except (OSError, AttributeError) as e:
        return f'unknown ({e})'


def build(name, optimizer, purpose='run'):
    """One model and optimizer per (model, optimizer, purpose): update-only timing moves the
    parameters along one kept gradient, so it never shares a model with the step timing."""
    key = (name, optimizer, purpose)
    if key not in built:
        torch.manual_seed(0)
        m, loss = MODELS[name]()
        built[key] = (m, loss, OPTIMIZERS[optimizer](m.parameters()))
    return built[key]


def update(name, steps, optimizer):
    """optimizer.step() alone: one gradient computed and kept, then it and -0.5 times it set as
    .grad in turn, `steps` updates (as models.ts updateMs does: a gradient that never changes
    drives Adan's gradient difference to 0 and its state through subnormal numbers)."""
    _, loss, opt = build(name, optimizer, 'update')
    opt.zero_grad(set_to_none=True)
    loss().backward()
    params = [p for group in opt.param_groups for p in group['params']]
    turns = [[p.grad for p in params], [p.grad.mul(-0.5) for p in params]]

    def step(i):
        for p, g in zip(params, turns[i % 2]):
            p.grad = g
        opt.step()

    step(0)  # the first steps allocate the optimizer's state
    step(1)
    t0 = time.perf_counter()
    for i in range(steps):
        step(i)
    return {'model': name, 'msPerUpdate': (time.perf_counter() - t0) * 1000 / steps, 'steps': steps}


def run(name, steps, warmup, optimizer='adam'):
    m, loss, opt = build(name, optimizer)

    def step():
        opt.zero_grad(set_to_none=True)
        value = loss()
        value.backward()
        opt.step()
        return value.item()

    for _ in range(warmup):
        step()
    t0 = time.perf_counter()
    for _ in range(steps):
        last = step()
    return {'model': name, 'msPerStep': (time.perf_counter() - t0) * 1000 / steps, 'steps': steps, 'loss': last}


def main():
    for line in sys.stdin:
        req = json.loads(line)
        if req.get('cmd') == 'info':
            reply = {'torch': torch.__version__, 'threads': torch.get_num_threads(), 'openblasCore': openblas_core()}
        elif req.get('cmd') == 'update':
            reply = update(req['model'], int(req['steps']), req.get('optimizer', 'adam'))
        else:
            reply = run(req['model'], int(req['steps']), int(req.get('warmup', 2)), req.get('optimizer', 'adam'))
        sys.stdout.write(json.dumps(reply) + '\n')
        sys.stdout.flush()


if __name__ == '__main__':
    main()
