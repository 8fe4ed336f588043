import { definePapers } from '../../harness/core/paper.js';

/** Seed papers #36–#70 of claims-catalogue.md (quotes are verbatim from the seed's abstracts). */
export const papers036to070 = definePapers([
  {
    paper: 36,
    year: 2024,
    status: 'out-of-scale',
    title: "Pandora's White-Box: Increased Training Data Leakage in Open LLMs",
    quote: 'over 50% (!) of the fine-tuning dataset can be extracted from a fine-tuned LLM',
    reason: 'needs open LLMs fine-tuned on private data, attacked white-box',
  },
  {
    paper: 37,
    year: 2024,
    status: 'methodology',
    where: ['harness/stats/', 'docs/stats.md'],
    title:
      'Improve Machine Learning carbon footprint using Nvidia GPU and Mixed Precision training for classification ' +
      'models -- Part I',
    quote: 'tests indicated no statistical significance of the relationship between the benchmarking and experiments',
    reason:
      'rule adopted: no verdict from means alone; every comparison gets an effect with a 95% CI, a test against the ' +
      "card's margin and Holm correction per claim (the power measurement itself needs a GPU and a wattmeter)",
  },
  {
    paper: 38,
    year: 2023,
    status: 'claim',
    claims: ['grokking'],
    title: 'Grokking as the Transition from Lazy to Rich Training Dynamics',
    quote: 'the train loss of a neural network decreases much earlier than its test loss',
    reason:
      'a stand-in: the delay between training-loss and validation-loss convergence on modular addition, not the ' +
      'lazy-to-rich transition under the output scale',
  },
  {
    paper: 39,
    year: 2023,
    status: 'not-yet-run',
    title: 'Sparse then Prune: Toward Efficient Vision Transformers',
    quote: 'increases the average accuracy by 0.568% on CIFAR-10 data',
    reason:
      'planned miniature: fashion-mnist MLP fine-tuned with and without L1, magnitude-pruned to 50–90% and briefly ' +
      'fine-tuned; effects this small need at least 10 seeds',
  },
  {
    paper: 40,
    status: 'out-of-scale',
    title:
      'RF-DETR Object Detection vs YOLOv12 : A Study of Transformer-based and CNN-based Architectures for Single-Class ' +
      'and Multi-Class Greenfruit Detection in Complex Orchard Environments Under Label Ambiguity',
    quote: 'RF-DETR achieved the highest mean Average Precision (mAP50) of 0.9464 in single-class detection',
    reason: 'needs an orchard image dataset and RF-DETR/YOLOv12 detectors',
  },
  {
    paper: 41,
    status: 'not-yet-run',
    title:
      'Extragradient Preference Optimization (EGPO): Beyond Last-Iterate Convergence for Nash Learning from Human Feedback',
    quote: 'superior performance over baseline methods when training for the same number of epochs',
    reason:
      'planned miniature: tabular softmax policies on random non-transitive preference games, extragradient vs online ' +
      'mirror descent, duality gap of the last iterate against iterations (the LLM win-rates are out of scale)',
  },
  {
    paper: 42,
    status: 'out-of-scale',
    title: 'Reconstruction vs. Generation: Taming Optimization Dilemma in Latent Diffusion Models',
    quote: 'representing an over 21 times convergence speedup compared to the original DiT',
    reason: 'needs latent-diffusion training on ImageNet (FID)',
  },
  {
    paper: 43,
    status: 'out-of-scale',
    title: "I Can't Believe It's Not Real: CV-MuSeNet: Complex-Valued Multi-Signal Segmentation",
    quote:
      'achieves the accuracy level of its RVNN counterpart in just two epochs, compared to the 27 epochs required for RVNN',
    reason:
      'needs the complex-valued convolutional architecture (not given in the abstract) and wideband IQ signal data; ' +
      'convolutions do not train on the wasm backend',
  },
  {
    paper: 44,
    year: 2024,
    status: 'not-yet-run',
    title: 'Linguistic Collapse: Neural Collapse in (Large) Language Models',
    quote: 'NC properties that develop with scaling are linked to generalization',
    reason:
      'planned miniature: char-lm widths 32–256 over 1–10 epochs, neural-collapse metrics over next-character classes ' +
      'correlated with validation loss',
  },
  {
    paper: 45,
    year: 2023,
    status: 'out-of-scale',
    title: 'LAPP: Layer Adaptive Progressive Pruning for Compressing CNNs from Scratch',
    quote: '55.6% of FLOPs of ResNet-18 are reduced with 0.21% top-1 accuracy increase',
    reason: 'needs structured pruning of CNNs on ImageNet (convolutions do not train on the wasm backend)',
  },
  {
    paper: 46,
    year: 2024,
    status: 'out-of-scale',
    title: 'Spectral-Refiner: Fine-Tuning of Accurate Spatiotemporal Neural Operator for Turbulent Flows',
    quote: 'significant improvements in both computational efficiency and accuracy',
    reason:
      'needs 2-D Navier–Stokes data and spectral neural operators (FFT layers, which run only on the slow cpu backend)',
  },
  {
    paper: 47,
    year: 2023,
    status: 'out-of-scale',
    title: 'DiffFit: Unlocking Transferability of Large Diffusion Models via Simple Parameter-Efficient Fine-Tuning',
    quote: 'FID of 3.02 on ImageNet 512×512',
    reason: 'needs fine-tuning of a large diffusion model on ImageNet 512×512',
  },
  {
    paper: 48,
    status: 'claim',
    claims: ['winner-spectral-bottleneck', 'winner-low-control'],
    title: 'Spectral Bottleneck in Deep Neural Networks: Noise is All You Need',
    quote: 'yields faster convergence and with improved representation accuracy',
    reason:
      "1-D SIREN fitting (inr-1d) of a high-frequency and a low-frequency signal, SIREN's initialisation vs WINNER's " +
      'centroid-scaled noise, steps to 30 dB PSNR',
  },
  {
    paper: 49,
    year: 2018,
    status: 'out-of-scale',
    title: 'ProxylessNAS: Direct Neural Architecture Search on Target Task and Hardware',
    quote: '2.08% test error with only 5.7M parameters',
    reason: 'needs CNN architecture search on CIFAR-10 and ImageNet with measured GPU latency',
  },
  {
    paper: 50,
    status: 'no-testable-claim',
    title: 'Bridging Text and Video Generation: A Survey',
    quote: 'we detail their training configurations',
    reason: 'a survey of text-to-video models; it tabulates configurations and makes no claim of its own',
  },
  {
    paper: 51,
    year: 2024,
    status: 'not-yet-run',
    title: 'Modeling of learning curves with applications to pos tagging',
    quote: 'based on the results obtained from a portion',
    reason:
      'planned miniature: fashion-mnist MLP trained on 1%–100% subsets, predict full-data accuracy from the first ' +
      'points of the curve vs a power-law fit',
  },
  {
    paper: 52,
    year: 2017,
    status: 'claim',
    claims: ['ghost-bn', 'train-longer', 'weight-distance-log'],
    title: 'Train longer, generalize better: closing the generalization gap in large batch training of neural networks',
    quote: 'enables significant decrease in the generalization gap without increasing the number of updates',
    reason:
      'Ghost BN vs plain BN at batch 1024 and the same 100 updates on fashion-mnist, final validation accuracy; batch 512 with ' +
      "the adapted regime (√ learning rate, Ghost BN, the small batch's number of updates) vs batch 32, and vs batch 512 at " +
      'the same epochs, on 2,000 fashion-mnist rows; ‖w_t − w₀‖ along batch-32 training at a constant rate, a log law against a ' +
      'power law fitted to each curve',
  },
  {
    paper: 53,
    year: 2024,
    status: 'out-of-scale',
    title: 'Exploring Learngene via Stage-wise Weight Sharing for Initializing Variable-sized Models',
    quote: 'reducing around 6.6x total training costs',
    reason: 'needs ImageNet-scale ViT training of learngene-initialised models of varying depth',
  },
  {
    paper: 54,
    year: 2019,
    status: 'out-of-scale',
    title:
      'Generative Teaching Networks: Accelerating Neural Architecture Search by Learning to Generate Synthetic Training Data',
    quote: 'they can substantially accelerate learning',
    reason:
      'needs meta-gradients through long inner training loops and CNN architecture search; one wasm thread limits the ' +
      'inner loop to a few dozen steps of a tiny learner',
  },
  {
    paper: 55,
    year: 2023,
    status: 'methodology',
    where: ['harness/tuning/studies.ts', 'harness/scoring/', 'docs/algoperf.md'],
    title: 'Benchmarking Neural Network Training Algorithms',
    quote: 'how to fairly compare algorithms that require hyperparameter tuning',
    reason:
      "the harness's template: workload targets and budgets, time to result in steps and seconds, the external-tuning " +
      'ruleset (Halton studies, equal budgets), performance profiles and scoring of AlgoPerf logs; the framework-parity ' +
      'card tests a rule from its documentation',
  },
  {
    paper: 56,
    year: 2023,
    status: 'not-yet-run',
    title: 'Continual Pre-Training of Large Language Models: How to (re)warm your model?',
    quote: 'rewarming models first increases the loss on upstream and downstream data',
    reason:
      'planned miniature: a char-lm pretrained on one corpus and continued on another with rewarming to several peak ' +
      'rates, both losses per step, vs training on the new corpus from scratch at equal steps',
  },
  {
    paper: 57,
    status: 'claim',
    claims: ['weight-decay-repetition'],
    title: 'Pre-training under infinite compute',
    quote: 'finding that the optimal weight decay is 30× larger than standard practice',
    reason:
      'a stand-in: AdamW weight decay 1 and 3 vs the standard 0.1 on char-lm with 960 words repeated about 16 times, ' +
      'each rate-tuned alike; the ensembling asymptote, parameter scaling and distillation are not tested',
  },
  {
    paper: 58,
    year: 2024,
    status: 'not-yet-run',
    title: 'HyperInterval: Hypernetwork approach to training weight interval regions in continual learning',
    quote: 'gives SOTA results on several benchmarks',
    reason:
      'planned miniature: permuted MNIST with a hypernetwork over interval embeddings vs InterContiNet-style interval ' +
      'training; a complex port (interval arithmetic through a hypernetwork) with a low efficiency interest',
  },
  {
    paper: 59,
    year: 2024,
    status: 'not-yet-run',
    title: 'Catastrophic Interference is Mitigated in Naturalistic Power-Law Learning Environments',
    quote: 'performance is comparable or superior to that of models trained using popular regularization methods',
    reason:
      'planned miniature: 10 permuted-MNIST tasks, power-law-scheduled rehearsal vs uniform rehearsal of equal volume ' +
      'vs EWC vs plain fine-tuning, final average accuracy and forgetting',
  },
  {
    paper: 60,
    year: 2021,
    status: 'claim',
    claims: ['autolrs'],
    title: 'AutoLRS: Automatic Learning-Rate Schedule by Bayesian Optimization on the Fly',
    quote: 'an average speedup of 1.31× over state-of-the-art heavily-tuned LR schedules',
    reason:
      'a stand-in: a simplified AutoLRS (3 rates probed per stage, exponential forecast) vs a tuned cosine schedule, ' +
      'steps to the fashion-mnist-mlp target with probe steps counted',
  },
  {
    paper: 61,
    year: 2023,
    status: 'out-of-scale',
    title: 'Towards Lossless Dataset Distillation via Difficulty-Aligned Trajectory Matching',
    quote: 'achieving lossless dataset distillation for the very first time',
    reason:
      'needs trajectory matching through many expert training runs with second-order gradients on image datasets; on ' +
      'one core an MLP reaches only 1–10 images per class, far from "lossless"',
  },
  {
    paper: 62,
    status: 'out-of-scale',
    title: 'Met^2Net: A Decoupled Two-Stage Spatio-Temporal Forecasting Model for Complex Meteorological Systems',
    quote: 'reduces the MSE for near-surface air temperature and relative humidity predictions by 28.82% and 23.39%',
    reason: 'needs meteorological reanalysis data and spatio-temporal forecasting models',
  },
  {
    paper: 63,
    year: 2022,
    status: 'out-of-scale',
    title: 'A Simple Baseline that Questions the Use of Pretrained-Models in Continual Learning',
    quote: 'This baseline achieved 88.53% on 10-Split-CIFAR-100',
    reason:
      'needs a large pretrained vision transformer: the claim is about its frozen features, which a small fashion-mnist ' +
      'backbone does not stand in for',
  },
  {
    paper: 64,
    status: 'claim',
    claims: ['infinite-schedule'],
    title: 'Beyond Cosine Decay: On the effectiveness of Infinite Learning Rate Schedule for Continual Pre-training',
    quote:
      'the infinite learning rate schedule consistently enhances continual pre-training performance compared to a ' +
      'repeated cosine decay',
    reason:
      'char-lm MLP over two corpora (words, then names), the repeated cosine decay vs the infinite schedule, held-out ' +
      'bits/char over both corpora after the last task',
  },
  {
    paper: 65,
    year: 2022,
    status: 'not-yet-run',
    title: 'Robust Mean Teacher for Continual and Gradual Test-Time Adaptation',
    quote:
      'the symmetric cross-entropy is better suited as a consistency loss for mean teachers compared to the commonly ' +
      'used cross-entropy',
    reason:
      'planned miniature: a fashion-mnist MLP adapted at test time over a sequence of synthetic corruptions, mean ' +
      'teacher with cross-entropy vs symmetric cross-entropy, online error',
  },
  {
    paper: 66,
    year: 2024,
    status: 'no-testable-claim',
    title: "A Practitioner's Guide to Continual Multimodal Pretraining",
    quote: 'a continual multimodal pretraining benchmark with realistic compute constraints',
    reason:
      'a benchmark and practical guidance for continual multimodal pretraining; the abstract states no result to test',
  },
  {
    paper: 67,
    year: 2021,
    status: 'claim',
    claims: ['granet'],
    title: 'Sparse Training via Boosting Pruning Plasticity with Neuroregeneration',
    quote:
      'pruning plasticity can be substantially improved by injecting a brain-inspired mechanism called neuroregeneration',
    reason:
      "GraNet vs GMP (the authors' Masking ported), dense to 98% sparsity in the same 1,200 steps on the fashion-mnist " +
      'MLP, final validation accuracy; dense training vs GMP as the validity check',
  },
  {
    paper: 68,
    year: 2024,
    status: 'methodology',
    where: ['harness/runner/seeds.ts', 'harness/tuning/studies.ts'],
    title: 'Hyperparameters in Continual Learning: a Reality Check',
    quote: 'the existing evaluation method fail to properly assess the CL capability of each algorithm',
    reason:
      "adopted in part: every arm is tuned on tuning seeds disjoint from its evaluation seeds; the paper's stronger " +
      'rule, tuning on a different dataset with the same scenario, is not',
  },
  {
    paper: 69,
    year: 2022,
    status: 'claim',
    claims: ['cyclical-curriculum'],
    title: 'Cyclical Curriculum Learning',
    quote: 'obtained more successful results than no-CL and existing CL methods',
    reason:
      'the cyclical training-set-size curriculum vs training without a curriculum on a 10k fashion-mnist subset, final ' +
      'validation accuracy; the other curricula are not tested',
  },
  {
    paper: 70,
    year: 2024,
    status: 'claim',
    claims: ['nap-plasticity', 'ln-plasticity-loss'],
    title: 'Normalization and effective learning rates in reinforcement learning',
    quote: 'the effective learning rate remains constant throughout training',
    reason:
      'a fashion-mnist random-label task sequence (20 tasks) with a layer-normalised MLP and Adam: NaP (projection to the ' +
      'initial weight norms) vs layer norm alone on the last task; and layer norm alone vs a fresh network (plasticity loss)',
  },
]);
