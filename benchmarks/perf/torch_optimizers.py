"""The optimizers of the `optimizers` bench section in PyTorch, with the hyperparameters of the
project's built-in methods (benchmarks/methods/), each as its reference implementation runs it:

- adamw, sgd-nesterov, sgd-momentum: torch.optim (single-tensor path, the CPU default in 1.13);
- nadamw: AlgoPerf's `_single_tensor_nadamw` (prize_qualification_baselines/external_tuning/
  pytorch_nadamw_full_budget.py in mlcommons/algorithmic-efficiency), transcribed op for op;
- adan: the authors' `_single_tensor_adan` (sail-sg/Adan adan.py, the default foreach=False,
  fused=False path), transcribed op for op, including its no-op gradient clip multiply.

The ratio of each one's step time to AdamW's is what the tfjs side's ratio is compared with.
"""
import math

import torch


class NAdamW(torch.optim.Optimizer):
    """AlgoPerf's NAdamW: AdamW with the Nesterov numerator β1·m + (1 − β1)·g."""

    def __init__(self, params, lr, betas, eps, weight_decay):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group['betas']
            lr, wd, eps = group['lr'], group['weight_decay'], group['eps']
            for param in group['params']:
                if param.grad is None:
                    continue
                grad = param.grad
                state = self.state[param]
                if not state:
                    state['step'] = 0
                    state['exp_avg'] = torch.zeros_like(param)
                    state['exp_avg_sq'] = torch.zeros_like(param)
                state['step'] += 1
                step = state['step']
                exp_avg, exp_avg_sq = state['exp_avg'], state['exp_avg_sq']
                param.mul_(1 - lr * wd)
                exp_avg.lerp_(grad, 1 - beta1)
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                exp_avg = exp_avg.mul(beta1).add_(grad, alpha=1 - beta1)
                step_size = lr / (1 - beta1 ** step)
                denom = (exp_avg_sq.sqrt() / math.sqrt(1 - beta2 ** step)).add_(eps)
                param.addcdiv_(exp_avg, denom, value=-step_size)


class Adan(torch.optim.Optimizer):
    """The authors' single-tensor Adan (betas in their code's convention, proximal decay)."""

    def __init__(self, params, lr, betas, eps, weight_decay, no_prox=False):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, no_prox=no_prox))

    @torch.no_grad()
    def step(self):
        clip_global_grad_norm = 1.0  # max_grad_norm = 0 (the default): no clipping, the multiply stays
        for group in self.param_groups:
            beta1, beta2, beta3 = group['betas']
            group['step'] = group.get('step', 0) + 1
            step = group['step']
            bias_correction1 = 1.0 - beta1 ** step
            bias_correction2 = 1.0 - beta2 ** step
            bias_correction3_sqrt = math.sqrt(1.0 - beta3 ** step)
            lr, wd, eps = group['lr'], group['weight_decay'], group['eps']
            for param in group['params']:
                if param.grad is None:
                    continue
                grad = param.grad
                state = self.state[param]
                if not state:
                    state['exp_avg'] = torch.zeros_like(param)
                    state['exp_avg_sq'] = torch.zeros_like(param)
                    state['exp_avg_diff'] = torch.zeros_like(param)
                if 'neg_pre_grad' not in state or step == 1:
                    state['neg_pre_grad'] = grad.clone().mul_(-clip_global_grad_norm)
                exp_avg, exp_avg_sq = state['exp_avg'], state['exp_avg_sq']
                exp_avg_diff, neg_grad_or_diff = state['exp_avg_diff'], state['neg_pre_grad']
                grad.mul_(clip_global_grad_norm)
                neg_grad_or_diff.add_(grad)
                exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
                exp_avg_diff.mul_(beta2).add_(neg_grad_or_diff, alpha=1 - beta2)
                neg_grad_or_diff.mul_(beta2).add_(grad)
                exp_avg_sq.mul_(beta3).addcmul_(neg_grad_or_diff, neg_grad_or_diff, value=1 - beta3)
                denom = ((exp_avg_sq).sqrt() / bias_correction3_sqrt).add_(eps)
                step_size_diff = lr * beta2 / bias_correction2
                step_size = lr / bias_correction1
                if group['no_prox']:
                    param.mul_(1 - lr * wd)
                    param.addcdiv_(exp_avg, denom, value=-step_size)
                    param.addcdiv_(exp_avg_diff, denom, value=-step_size_diff)
                else:
                    param.addcdiv_(exp_avg, denom, value=-step_size)
                    param.addcdiv_(exp_avg_diff, denom, value=-step_size_diff)
                    param.div_(1 + lr * wd)
                neg_grad_or_diff.zero_().add_(grad, alpha=-1.0)


# Hyperparameters: the defaults of the methods in benchmarks/methods/ (adamw.ts, adan.ts, sgd.ts).
OPTIMIZERS = {
    # The step benchmark's optimizer (models.ts trains with the project's AdamW without decay = Adam).
    'adam': lambda p: torch.optim.Adam(p, lr=1e-3),
    'adamw': lambda p: torch.optim.AdamW(p, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01),
    'nadamw': lambda p: NAdamW(p, lr=0.0017486387539278373, betas=(1 - 0.06733926164, 0.9955159689799007), eps=1e-8,
                               weight_decay=0.08121616522670176),
    'adan': lambda p: Adan(p, lr=1e-3, betas=(0.98, 0.92, 0.99), eps=1e-8, weight_decay=0.02),
    'sgd-nesterov': lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True),
    'sgd-momentum': lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=False),
}
