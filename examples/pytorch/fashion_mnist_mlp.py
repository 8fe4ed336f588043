#!/usr/bin/env python3
"""fashion-mnist-mlp in PyTorch, as a reprobench external trainer (trainer protocol v2).

reprobench starts this script with the trial's configuration as one JSON document on stdin and
reads JSON lines from its stdout (docs/protocol.md). It trains what the built-in tfjs trial
trains, step for step:

- the data: reprobench's exported split (``reprobench data export fashion-mnist-mlp``; the harness
  passes the export's location), pixels as float32(byte × scale);
- the model: MLP 784-128-10, ReLU, softmax cross-entropy (mean over the batch);
- the initial weights: Glorot-uniform drawn from the trial's ``init`` seed with reprobench's own
  generator (reprobench_rng.py), so they are the tfjs trial's weights bit for bit; biases zero;
- the batch order: reprobench's BatchStream from the ``order`` seed, the same examples each step;
- the update: AdamW, or NAdamW (``hparams.optimizer``), with the formulas of
  benchmarks/methods/optimizers/adamw.ts and the schedule of benchmarks/methods/schedules.ts;
- evaluation every ``evalEvery`` steps and at the last step: validation loss and accuracy on the
  10,000 validation examples, and the mean training loss since the previous eval.

Timing follows AlgoPerf: ``trainSeconds`` counts batch building, forward, backward and update;
set-up and evaluation are excluded. One thread (``torch.set_num_threads(1)``), like one tfjs
wasm process. What remains different is floating-point arithmetic (summation order, libm).
"""

import json
import math
import os
import sys
import time

T0 = time.perf_counter()
PROTOCOL = 2
WORKLOAD = ("fashion-mnist-mlp", 2)


def emit(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def numerics(torch):
    """What decides this trainer's floating-point results, for reprobench's ``check``: the torch
    build, the BLAS kernel OpenBLAS picked (its products) and ATen's vector instruction set (its
    element-wise ops and reductions). Two machines that report the same give the same bits."""
    blas = "BLAS unknown"
    try:
        import ctypes

        with open("/proc/self/maps") as maps:
            libs = sorted({line.split()[-1] for line in maps if "openblas" in line and ".so" in line})
        for lib in libs:
            corename = ctypes.CDLL(lib).openblas_get_corename
            corename.restype = ctypes.c_char_p
            blas = f"OpenBLAS {corename().decode()}"
            break
    except (OSError, AttributeError):
        pass
    capability = next((line.split(":", 1)[1].strip() for line in torch.__config__.show().splitlines() if "CPU capability usage" in line), "unknown")
    return f"torch {torch.__version__}; {blas}; ATen {capability}"


def fail(message):
    print(f"fashion_mnist_mlp.py: {message}", file=sys.stderr)
    sys.exit(2)


def adamw_step(params, m_state, v_state, lr, t, beta1, beta2, eps, wd, nesterov):
    """One AdamW (NAdamW with ``nesterov``) update of every parameter from its ``.grad``, op for op as
    benchmarks/methods/optimizers/adamw.ts: θ ← θ(1 − ηλ) − η/(1 − β1^t) · n / (√v / √(1 − β2^t) + ε),
    n = m, or β1·m + (1 − β1)·g for NAdamW. ``t`` is the 1-based step; gradients are cleared."""
    import torch

    with torch.no_grad():
        bc2 = math.sqrt(1 - beta2 ** t)
        step_size = lr / (1 - beta1 ** t)
        for p, m, v in zip(params, m_state, v_state):
            g = p.grad
            decayed = p * (1 - lr * wd) if wd != 0 else p
            m_new = m * beta1 + g * (1 - beta1)
            v_new = v * beta2 + g.square() * (1 - beta2)
            numer = m_new * beta1 + g * (1 - beta1) if nesterov else m_new
            denom = v_new.sqrt() / bc2 + eps
            m.copy_(m_new)
            v.copy_(v_new)
            p.copy_(decayed - (numer / denom) * step_size)
            p.grad = None


def main():
    cfg = json.load(sys.stdin)
    if cfg.get("protocol") != PROTOCOL:
        fail(f"speaks trainer protocol {PROTOCOL}, got {cfg.get('protocol')!r}")
    w = cfg["workload"]
    if (w["id"], w["version"]) != WORKLOAD or w.get("variant", "default") != "default":
        fail(f"trains {WORKLOAD[0]} v{WORKLOAD[1]} (default variant), not {w['id']} v{w['version']} ({w.get('variant')})")

    import numpy as np
    import torch
    import torch.nn.functional as F

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from reprobench_rng import BatchOrder, Rng, glorot_uniform, schedule_multiplier

    torch.set_num_threads(1)
    hp = cfg["hparams"]
    optimizer = hp.get("optimizer", "nadamw")
    if optimizer not in ("adamw", "nadamw"):
        fail(f"hparams.optimizer must be adamw or nadamw, got {optimizer!r}")
    nesterov = optimizer == "nadamw"
    lr0, beta1, beta2, eps, wd = (float(hp[k]) for k in ("learningRate", "beta1", "beta2", "epsilon", "weightDecay"))
    schedule, warmup = hp.get("schedule", "constant"), float(hp.get("warmupFraction", 0))

    # Data: the exported split, checked against its header.
    with open(cfg["data"]["header"]) as f:
        header = json.load(f)
    if header.get("format") != "reprobench-data" or header.get("formatVersion") != 1:
        fail("the data export is not reprobench-data format 1")
    if (header["workload"]["id"], header["workload"]["version"]) != WORKLOAD:
        fail(f"the data export is for {header['workload']['id']} v{header['workload']['version']}")
    data_dir = cfg["data"]["dir"]

    def load(entry, dtype):
        a = np.fromfile(os.path.join(data_dir, entry["path"]), dtype=dtype)
        return torch.from_numpy(a.reshape(entry["shape"]))

    files = header["files"]
    train_x, train_y = load(files["train"]["x"], np.uint8), load(files["train"]["y"], np.uint8).long()
    valid_x_u8, valid_y = load(files["valid"]["x"], np.uint8), load(files["valid"]["y"], np.uint8).long()
    # float32(byte × scale) with the product in float64, as the tfjs batches are built.
    lut = (torch.arange(256, dtype=torch.float64) * header["scale"]).to(torch.float32)
    valid_x = lut[valid_x_u8.long()]

    # Model: reprobench's init stream, layer by layer (weights [fan_in, fan_out], biases zero).
    init = Rng(cfg["seeds"]["init"])
    sizes = [784, 128, 10]
    params = []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        wts = torch.from_numpy(np.frombuffer(glorot_uniform(init, fan_in, fan_out), dtype=np.float32).copy()).reshape(fan_in, fan_out)
        params += [wts.requires_grad_(), torch.zeros(fan_out, requires_grad=True)]

    def forward(x):
        h = x
        for i in range(0, len(params), 2):
            h = h @ params[i] + params[i + 1]
            if i + 2 < len(params):
                h = torch.relu(h)
        return h

    m_state = [torch.zeros_like(p) for p in params]
    v_state = [torch.zeros_like(p) for p in params]

    def update(lr, t):
        adamw_step(params, m_state, v_state, lr, t, beta1, beta2, eps, wd, nesterov)

    def evaluate():
        with torch.no_grad():
            logits = forward(valid_x)
            loss = F.cross_entropy(logits, valid_y).item()
            acc = (logits.argmax(dim=1) == valid_y).sum().item() / valid_y.shape[0]
        return {"validation/loss": loss, "validation/accuracy": acc}

    batch_size, budget, eval_every = cfg["batchSize"], cfg["budget"]["steps"], cfg["evalEvery"]
    step_hint, target = cfg["stepHint"], cfg["target"]
    batches = BatchOrder(train_x.shape[0], batch_size, Rng(cfg["seeds"]["order"]))
    emit({"type": "start", "framework": numerics(torch), "initSeconds": time.perf_counter() - T0})

    train_seconds = 0.0
    loss_sum, loss_count = 0.0, 0
    for step in range(budget):
        s0 = time.perf_counter()
        lr = lr0 * schedule_multiplier(schedule, warmup, step, step_hint)
        rows = torch.tensor(batches.next_rows(), dtype=torch.long)
        x, y = lut[train_x[rows].long()], train_y[rows]
        loss = F.cross_entropy(forward(x), y)
        loss.backward()
        update(lr, step + 1)
        batch_loss = loss.item()
        train_seconds += time.perf_counter() - s0
        done = step + 1
        if not math.isfinite(batch_loss):
            emit({"type": "progress", "step": done, "examples": done * batch_size, "trainSeconds": train_seconds, "loss": batch_loss})
            return  # reprobench records the divergence; nothing more to report
        loss_sum += batch_loss
        loss_count += 1
        if done % eval_every == 0 or done == budget:
            emit({"type": "progress", "step": done, "examples": done * batch_size, "trainSeconds": train_seconds, "loss": batch_loss})
            e0 = time.perf_counter()
            metrics = evaluate()
            metrics["train/loss"] = loss_sum / loss_count
            loss_sum, loss_count = 0.0, 0
            emit({"type": "eval", "step": done, "metrics": metrics, "evalSeconds": time.perf_counter() - e0})
            value = metrics.get(target["metric"])
            met = value is not None and (value >= target["value"] if target["direction"] == "higher" else value <= target["value"])
            # Protocol v2: only an eval on the coarse grid (every stopEvery steps) ends the trial.
            if met and cfg["stopAtTarget"] and (done % cfg["stopEvery"] == 0 or done == budget):
                return  # the harness has what it needs; it stops trainers that go on, too
    emit({"type": "final", "step": budget})


if __name__ == "__main__":
    main()
