#!/usr/bin/env python3
"""Shows that PyTorch's bits follow OpenBLAS's kernel and ATen's instruction set (why nadamw-pytorch
pins both, docs/protocol.md): prints what the example trainer reports as its numerics, and a hash of
a product and log-softmax of fashion-mnist-mlp's first layer's shape. Run it under different settings:

  for ct in Haswell Cooperlake SkylakeX Zen; do for cap in avx2 default; do
    OPENBLAS_NUM_THREADS=1 OPENBLAS_CORETYPE=$ct ATEN_CPU_CAPABILITY=$cap /usr/bin/python3 scripts/pytorch-numerics.py
  done; done
"""
import hashlib
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "pytorch"))
from fashion_mnist_mlp import numerics  # noqa: E402

torch.set_num_threads(1)
g = torch.Generator().manual_seed(0)
a, b = torch.randn(64, 784, generator=g), torch.randn(784, 128, generator=g)
y = torch.log_softmax(a @ b, dim=1).sum(dim=0)
print(numerics(torch), hashlib.sha256(y.numpy().tobytes()).hexdigest()[:12])
