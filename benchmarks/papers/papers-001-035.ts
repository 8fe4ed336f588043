import { definePapers } from '../../harness/core/paper.js';

/** Seed papers #1–#35 of claims-catalogue.md (quotes are verbatim from the seed's abstracts). */
export const papers001to035 = definePapers([
  {
    paper: 1,
    year: 2021,
    status: 'out-of-scale',
    title: 'Adaptive Precision Training (AdaPT): A dynamic fixed point quantized training approach for DNNs',
    quote:
      'an average speedup of 1.27 compared to standard training in float32 with an average accuracy increase of 0.98%',
    reason:
      'needs fixed-point quantized training kernels and CNNs (AlexNet/ResNet on CIFAR10/100); the speedup comes from an ' +
      'analytical performance model, and fake-quantisation in TensorFlow.js could test only the accuracy half',
  },
  {
    paper: 2,
    year: 2024,
    status: 'out-of-scale',
    title: 'Emerging Property of Masked Token for Effective Pre-training',
    quote:
      'approximately 50% reduction in pre-training epochs required to attain converged performance of the recent approaches',
    reason:
      'needs masked-image-modelling pretraining of vision transformers; the abstract does not describe the masked-token ' +
      'optimisation well enough to port it to a patch-MLP',
  },
  {
    paper: 3,
    year: 2019,
    status: 'claim',
    claims: ['one-epoch'],
    title: 'One Epoch Is All You Need',
    quote: '1.9-3.3x speedup in wall-clock time',
    reason:
      'all training words seen under once vs a random 10% of them seen about ten times as often, at equal steps, steps ' +
      'to a held-out char-lm loss target; the no-overfitting and power-law halves are not tested',
  },
  {
    paper: 4,
    status: 'out-of-scale',
    title: 'Hybrid Quantum-Classical Model for Image Classification',
    quote: 'train 5--12× faster (e.g., 21.23s vs. 108.44s per epoch on MNIST)',
    reason:
      'needs simulated parameterised quantum circuits inside CNNs (which do not train on the wasm backend); its speedup ' +
      'is per-epoch wall-clock of one implementation',
  },
  {
    paper: 5,
    year: 2024,
    status: 'out-of-scale',
    title:
      'EndoDAC: Efficient Adapting Foundation Model for Self-Supervised Depth Estimation from Any Endoscopic Camera',
    quote: 'superior performance even with fewer training epochs',
    reason: 'needs a depth-estimation foundation model and endoscopic video; no number to test',
  },
  {
    paper: 6,
    year: 2022,
    status: 'out-of-scale',
    title: 'Disjoint Masking with Joint Distillation for Efficient Masked Image Modeling',
    quote:
      'DM can train ViT with half of the effective training epochs (3.7 times less time-consuming) to report ' +
      'competitive performance',
    reason:
      'needs masked-image-modelling pretraining of ViTs (MAE/ConvMAE); a patch-MLP proxy on one wasm thread would test ' +
      'a different model',
  },
  {
    paper: 7,
    year: 2021,
    status: 'out-of-scale',
    title: 'Panoptic SegFormer: Delving Deeper into Panoptic Segmentation with Transformers',
    quote: 'reduces the number of required training epochs by half compared to Deformable DETR',
    reason: 'needs COCO-scale panoptic segmentation with deformable-attention transformers',
  },
  {
    paper: 8,
    year: 2017,
    status: 'not-yet-run',
    title: 'Opening the Black Box of Deep Neural Networks via Information',
    quote: 'The training time is dramatically reduced when adding more hidden layers',
    reason:
      'planned miniature: tanh MLPs of depth 1–6 on a 12-bit synthetic task, binned I(X;T) and I(T;Y) per layer and ' +
      'epoch, epochs to a low training error against depth',
  },
  {
    paper: 9,
    year: 2023,
    status: 'not-yet-run',
    title: 'A Three-regime Model of Network Pruning',
    quote:
      'increasing the value of a temperature-like parameter in the pre-pruned model may either enhance or impair ' +
      'subsequent pruning performance',
    reason:
      'planned miniature: fashion-mnist MLPs over a grid of temperature (learning rate / batch size) × load (density ' +
      'after magnitude pruning and fine-tuning), looking for the sign flip of post-pruning accuracy',
  },
  {
    paper: 10,
    year: 2023,
    status: 'not-yet-run',
    title: 'Accuracy on the Curve: On the Nonlinear Correlation of ML Performance Between Data Subpopulations',
    quote: 'stronger spurious correlation in the training data creates more nonlinear performance correlation',
    reason:
      'planned miniature: fashion-mnist with a spurious marker tied to the label in the majority group, per-group ' +
      'accuracy over widths and learning rates, curvature of the majority–minority curve against the marker rate',
  },
  {
    paper: 11,
    status: 'methodology',
    where: ['docs/claims.md', 'harness/core/workload.ts'],
    title: 'Rethinking Driving World Model as Synthetic Data Generator for Perception Tasks',
    quote: 'When we double the epochs in the baseline, the benefit of synthetic data becomes negligible',
    reason:
      'rule adopted: arms are compared at the same step budget on the same workload (a preset never changes a budget), ' +
      'and extra training a method does first (data-selection scoring models) is recorded per trial and charged to its ' +
      'seconds',
  },
  {
    paper: 12,
    year: 2024,
    status: 'out-of-scale',
    title: 'Balans: Multi-Armed Bandits-based Adaptive Large Neighborhood Search for Mixed-Integer Programming Problem',
    quote: 'significant performance gains over the default MIP solver',
    reason:
      'needs a mixed-integer programming solver and MIP benchmark instances; it is a search heuristic, not ' +
      'neural-network training',
  },
  {
    paper: 13,
    year: 2024,
    status: 'out-of-scale',
    title: 'Antidote: Post-fine-tuning Safety Alignment for Large Language Models against Harmful Fine-tuning',
    quote:
      'a large learning rate or a large number of training epochs in the fine-tuning stage can easily invalidate the defense',
    reason:
      'needs a safety-aligned LLM and harmful fine-tuning data; a toy backdoor on an MLP would test a different claim',
  },
  {
    paper: 14,
    year: 2024,
    status: 'out-of-scale',
    title: 'Relation DETR: Exploring Explicit Position Relation Prior for Object Detection',
    quote: 'over 40% AP with only 2 training epochs',
    reason: 'needs COCO-scale detection (DETR-family detectors on COCO val2017)',
  },
  {
    paper: 15,
    year: 2021,
    status: 'not-yet-run',
    title: 'Decoupled Contrastive Learning',
    quote: 'outperforming its SimCLR baseline by 6.4%',
    reason:
      'planned miniature: SimCLR vs SimCLR with the decoupled loss on an MLP encoder for fashion-mnist at batch 32–256, ' +
      'linear-probe accuracy, checking that the gap grows as the batch shrinks',
  },
  {
    paper: 16,
    status: 'out-of-scale',
    title: 'Bridging Formal Language with Chain-of-Thought Reasoning to Geometry Problem Solving',
    quote: 'up to 15% accuracy improvements on standard GPS benchmarks',
    reason: 'needs a 7B vision-language model trained by SFT and RL on geometry problems',
  },
  {
    paper: 17,
    year: 2024,
    status: 'no-testable-claim',
    title: 'Investigating Sparsity in Recurrent Neural Networks',
    quote: 'the number of training epochs required to regain accuracy after the pruning is performed',
    reason: 'a thesis abstract that says what was studied (pruned and random-graph sparse RNNs) but states no result',
  },
  {
    paper: 18,
    year: 2022,
    status: 'out-of-scale',
    title: 'Reservoir Computing via Quantum Recurrent Neural Networks',
    quote: 'the quantum version learns faster by requiring fewer training epochs in most cases',
    reason:
      'needs simulated quantum recurrent networks; only the classical reservoir-vs-trained comparison could be ported, ' +
      'which is not the claim',
  },
  {
    paper: 19,
    year: 2023,
    status: 'out-of-scale',
    title: 'StageInteractor: Query-based Object Detector with Cross-stage Interaction',
    quote: 'achieves 44.8 AP with ResNet-50 as backbone, 100 queries and 12 training epochs',
    reason: 'needs COCO-scale detection with query-based detectors',
  },
  {
    paper: 20,
    year: 2023,
    status: 'out-of-scale',
    title: 'Mimic before Reconstruct: Enhancing Masked Autoencoders with Feature Mimicking',
    quote: 'MR-MAE base pre-trained for only 400 epochs achieves 85.8% top-1 accuracy after fine-tuning',
    reason: 'needs ViT pretraining on ImageNet with CLIP or DINO teachers',
  },
  {
    paper: 21,
    year: 2023,
    status: 'claim',
    claims: ['repeat-dropout'],
    title: 'To Repeat or Not To Repeat: Insights from Scaling LLM under Token-Crisis',
    quote: 'Most regularization techniques do not yield significant improvements, except for dropout',
    reason:
      'dropout 0.1 vs none on the char-lm MLP with a fixed token budget over a unique pool repeated about 16 times, final ' +
      'held-out loss; the other regularisers, the degradation factors and the MoE tuning are not tested',
  },
  {
    paper: 22,
    year: 2022,
    status: 'claim',
    claims: ['adan'],
    title: 'Adan: Adaptive Nesterov Momentum Algorithm for Faster Optimizing Deep Models',
    quote:
      'Adan can use half of the training cost (epochs) of SoTA optimizers to achieve higher or comparable performance',
    reason:
      'Adan vs AdamW and NAdamW, each tuned with the same budget, steps to the fashion-mnist-mlp target; batch-size ' +
      'tolerance is not tested',
  },
  {
    paper: 23,
    year: 2021,
    status: 'claim',
    claims: ['el2n-diet'],
    title: 'Deep Learning on a Data Diet: Finding Important Examples Early in Training',
    quote: 'we can prune half of the CIFAR10 training set while slightly improving test accuracy',
    reason:
      'training on the EL2N-hardest half vs all of a 10k fashion-mnist subset at equal steps, final validation ' +
      'accuracy; score transfer across architectures is not tested',
  },
  {
    paper: 24,
    year: 2022,
    status: 'not-yet-run',
    title:
      'Demystifying the Neural Tangent Kernel from a Practical Perspective: Can it be trusted for Neural Architecture ' +
      'Search without training?',
    quote:
      'With minimal amount of training, LGA obtains a meaningful level of rank correlation with the post-training test ' +
      'accuracy',
    reason:
      'planned miniature: a zoo of about 30 fashion-mnist MLPs (depth, width, activation), label-gradient alignment at ' +
      'initialisation and after one epoch, Kendall τ with final accuracy vs NTK-at-init metrics',
  },
  {
    paper: 25,
    status: 'out-of-scale',
    title: 'Vision Foundation Models Can Be Good Tokenizers for Latent Diffusion Models',
    quote: 'a 10x speedup over prior tokenizers',
    reason: 'needs ImageNet latent-diffusion training with a vision-foundation-model VAE (gFID)',
  },
  {
    paper: 26,
    year: 2023,
    status: 'not-yet-run',
    title: 'Stitchable Neural Networks',
    quote:
      'With only a few epochs of training, SN-Net effectively interpolates between the performance of anchors with ' +
      'varying scales',
    reason:
      'planned miniature: two trained fashion-mnist MLP anchors (narrow and wide) stitched by linear layers trained for ' +
      '1–2 epochs; do the stitched accuracy–FLOPs points lie between the anchors',
  },
  {
    paper: 27,
    year: 2023,
    status: 'claim',
    claims: ['lc-extrapolation', 'early-stopping-speedup'],
    title: 'Efficient Bayesian Learning Curve Extrapolation using Prior-Data Fitted Networks',
    quote: 'achieves competitive performance extrapolating a total of 20 000 real learning curves',
    reason:
      "stand-ins: a parametric-curve ensemble (LC-PFN's baseline), not LC-PFN, against the last value on " +
      'polynomial-regression curves; its plug-in predictive as the stopping rule of an AdamW learning-rate sweep ' +
      '(speed-up ≥ 2 at ≤ 1% regret)',
  },
  {
    paper: 28,
    year: 2023,
    status: 'out-of-scale',
    title: 'SimMatchV2: Semi-Supervised Learning with Graph Consistency',
    quote: 'SimMatchV2 achieves 71.9% and 76.2% Top-1 Accuracy with 1% and 10% labeled examples on ImageNet',
    reason:
      'needs semi-supervised ResNet-50 training on ImageNet; the graph-consistency method does not reduce to an MLP setting',
  },
  {
    paper: 29,
    year: 2024,
    status: 'out-of-scale',
    title: 'Frozen-DETR: Enhancing DETR with Image Understanding from Frozen Foundation Models',
    quote: 'boost the SOTA query-based detector DINO from 49.0% AP to 51.9% AP',
    reason: 'needs COCO-scale detection with frozen vision foundation models',
  },
  {
    paper: 30,
    year: 2021,
    status: 'not-yet-run',
    title: 'Fast Certified Robust Training with Short Warmup',
    quote:
      'using very short training schedules (160 and 80 total epochs, respectively), outperforming literature SOTA ' +
      'trained with hundreds or thousands epochs',
    reason:
      "planned miniature: interval-bound-propagation training of MNIST/fashion-mnist MLPs, the paper's initialisation, " +
      'BN and warmup regularisers with a short ε-ramp vs plain IBP with a long ramp, verified error at equal epochs',
  },
  {
    paper: 31,
    status: 'out-of-scale',
    title: "REPA Works Until It Doesn't: Early-Stopped, Holistic Alignment Supercharges Diffusion Training",
    quote: 'amounting to a 28X reduction in optimization steps',
    reason: 'needs diffusion-transformer (SiT-XL/2) training on ImageNet with representation alignment (FID)',
  },
  {
    paper: 32,
    year: 2024,
    status: 'not-yet-run',
    title: 'Changing the Training Data Distribution to Reduce Simplicity Bias Improves In-distribution Generalization',
    quote:
      'effectively improves the generalization performance on the original data distribution when training with various ' +
      'gradient methods',
    reason:
      'planned miniature: fashion-mnist MLP, cluster each class by early outputs, upsample the slow-learnt cluster once ' +
      'and retrain, with SGD and SAM, at equal epochs and equal steps',
  },
  {
    paper: 33,
    year: 2024,
    status: 'not-yet-run',
    title: 'Efficient Continual Pre-training by Mitigating the Stability Gap',
    quote: 'a temporary performance drop at the beginning, followed by a recovery phase',
    reason:
      'planned miniature: a char-lm pretrained on one corpus and continued on another, target-domain loss per step ' +
      '(drop, then recovery), and a small high-quality subset for several epochs vs the full new corpus once',
  },
  {
    paper: 34,
    year: 2021,
    status: 'claim',
    claims: ['rex'],
    title: 'REX: Revisiting Budgeted Training with an Improved Schedule',
    quote: 'REX outperforms the linear schedule in the low budget regime',
    reason:
      'REX vs linear decay at 10% and 25% budgets on polynomial-regression and char-lm, final validation loss; the ' +
      'matching-other-schedules half is not tested',
  },
  {
    paper: 35,
    year: 2022,
    status: 'not-yet-run',
    title:
      'AccelAT: A Framework for Accelerating the Adversarial Training of Deep Neural Networks through Accuracy Gradient',
    quote: 'up to 2 times faster than the existing techniques',
    reason:
      'planned miniature: PGD adversarial training of a fashion-mnist MLP, the accuracy-gradient learning-rate rule vs ' +
      'fixed piecewise and cyclic schedules, steps to a robust-accuracy target (the rule must be read from the paper ' +
      'body)',
  },
]);
