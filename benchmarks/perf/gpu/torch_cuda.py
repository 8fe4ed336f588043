"""The pinned engine benchmark models of torch_peer.py in PyTorch on CUDA, for the GPU machine.

Builds each model with CUDA as the default device, then times steps the way torch_peer.py does
(zero_grad, forward, backward, Adam step, loss read back with .item(), which synchronises).
Prints one JSON line: {"torch": ..., "device": ..., "results": [{"name", "msPerStep", "rounds"}]}.
MODELS (comma-separated, default the pinned models and their GPU-sized variants) and ROUNDS choose what to run.
"""
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
torch.set_default_device('cuda')
import torch_peer  # noqa: E402  (builds its models on the default device)

rounds = int(os.environ.get('ROUNDS', '5'))
names = os.environ.get('MODELS', 'mlp,cnn,transformer,mlp-large,cnn-large,transformer-large').split(',')
results = []
for name in names:
    torch_peer.run(name, 20, 5)  # build, warm up (cuDNN autotuning, allocator)
    per = [torch_peer.run(name, 200, 0)['msPerStep'] for _ in range(rounds)]
    results.append({'name': name, 'msPerStep': sorted(per)[len(per) // 2], 'rounds': per})
print(json.dumps({'torch': torch.__version__, 'device': torch.cuda.get_device_name(0), 'results': results}))
