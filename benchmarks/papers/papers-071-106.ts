import { definePapers } from '../../harness/core/paper.js';

/** Seed papers #71–#106 of claims-catalogue.md (quotes are verbatim from the seed's abstracts). */
export const papers071to106 = definePapers([
  {
    paper: 71,
    year: 2023,
    status: 'out-of-scale',
    title: 'Locally Regularized Neural Differential Equations: Some Black Boxes Were Meant to Remain Closed!',
    quote: 'reduces the number of function evaluations to 0.556-0.733x and accelerates predictions by 1.3-2x',
    reason:
      'needs neural ODEs trained through an adaptive-step solver; differentiating such a solver in TensorFlow.js on one ' +
      'core is out of reach beyond a toy',
  },
  {
    paper: 72,
    status: 'not-yet-run',
    title: 'Revisiting Replay and Gradient Alignment for Continual Pre-Training of Large Language Models',
    quote:
      'small rates of replaying old examples are definitely a more valuable use of compute than investing in model size',
    reason:
      'planned miniature: char-lm over three corpora in sequence, replay rates 0–50% × widths 32–128, final mean ' +
      'validation loss against compute',
  },
  {
    paper: 73,
    year: 2023,
    status: 'claim',
    claims: ['linear-decay', 'schedule-refinement'],
    title: 'When, Why and How Much? Adaptive Learning Rate Scheduling by Refinement',
    quote:
      'the linear-decay schedule matches or outperforms all commonly used default schedules including cosine annealing',
    reason:
      'linear decay vs cosine annealing at a fixed budget on polynomial-regression and char-lm (non-inferiority); and a ' +
      "schedule refined from each repeat's linear-decay gradient norms (the authors' closed form, Adam variant) vs linear " +
      'decay on char-lm at the same peak rate',
  },
  {
    paper: 74,
    year: 2024,
    status: 'out-of-scale',
    title: 'Generative Pretrained Hierarchical Transformer for Time Series Forecasting',
    quote: 'GPHT surpasses the baseline models across various fine-tuning and zero/few-shot learning settings',
    reason:
      'needs the mixed real time-series datasets for pretraining (not available offline) and a pretrained hierarchical ' +
      'transformer',
  },
  {
    paper: 75,
    year: 2024,
    status: 'not-yet-run',
    title: 'Denoising Task Difficulty-based Curriculum for Training Diffusion Models',
    quote: 'leads to improved performance and faster convergence',
    reason:
      'planned miniature: a 2-D toy diffusion model with an MLP denoiser, easy-to-hard timestep-cluster curriculum vs ' +
      'uniform timesteps, steps to an MMD target',
  },
  {
    paper: 76,
    year: 2023,
    status: 'out-of-scale',
    title: 'Backpropagation-free Training of Deep Physical Neural Networks',
    quote: 'improving training speed, decreasing digital computations, and reducing power consumption',
    reason:
      'needs physical neural-network hardware: the claims are about physical systems and their power, which a ' +
      'simulation does not measure',
  },
  {
    paper: 77,
    year: 2023,
    status: 'out-of-scale',
    title: 'Efficient Dataset Distillation through Alignment with Smooth and High-Quality Expert Trajectories',
    quote: 'the proposed method significantly outperforms prior methods',
    reason: 'needs trajectory matching through expert runs on image datasets (as #61); no number to test',
  },
  {
    paper: 78,
    year: 2023,
    status: 'claim',
    claims: ['qk-layernorm-high-lr'],
    title: 'Small-scale proxies for large-scale Transformer training instabilities',
    quote: 'mitigations previously employed at large scales are equally effective in this regime',
    reason:
      'qk-layernorm vs none on the char-lm tiny Transformer at one high learning rate (0.1), final held-out loss after ' +
      '400 steps; the LR-sensitivity sweep, z-loss, warmup, weight decay, µP and the norm-scaling predictions are not tested',
  },
  {
    paper: 79,
    year: 2017,
    status: 'claim',
    claims: ['overtraining-peak', 'small-init'],
    title: 'High-dimensional dynamics of generalization error in neural networks',
    quote:
      'Overtraining is worst at intermediate network sizes, when the effective number of free parameters equals the ' +
      'number of samples',
    reason:
      "the paper's linear teacher–student in miniature: overtraining (final minus best test error) at P/N = 1 against " +
      'P/N = 0.25 and 4, and the best test error from large against small initial weights at P/N = 4; the nonlinear half is untested',
  },
  {
    paper: 80,
    year: 2023,
    status: 'not-yet-run',
    title: 'Continual Learning with Dynamic Sparse Training: Exploring Algorithms for Effective Model Updates',
    quote:
      'At a high sparsity level, however, uniform initialization demonstrates more reliable and robust performance',
    reason:
      'planned miniature: task-incremental split fashion-mnist with per-task sparse masks at 50% and 95% sparsity, ERK ' +
      'vs uniform initialisation, average accuracy',
  },
  {
    paper: 81,
    year: 2023,
    status: 'not-yet-run',
    title: 'Teaching Arithmetic to Small Transformers',
    quote: 'simple formatting changes can significantly improve accuracy',
    reason:
      'planned miniature: 2–3-digit addition strings on a tiny transformer, plain vs reversed vs scratchpad outputs, ' +
      'steps to 90% exact match',
  },
  {
    paper: 82,
    year: 2019,
    status: 'no-testable-claim',
    title: 'Continual Learning in Neural Networks',
    quote: 'Advances in the state of the art of continual learning have been shown',
    reason: 'a thesis abstract on continual learning with no specific claim or number',
  },
  {
    paper: 83,
    year: 2022,
    status: 'not-yet-run',
    title: 'FeTrIL: Feature Translation for Exemplar-Free Class-Incremental Learning',
    quote: 'The incremental process is much faster with the proposed method compared to mainstream ones',
    reason:
      'planned miniature: an MLP trained on 5 fashion-mnist classes and frozen, then one class per step, feature ' +
      'translation + linear classifier vs nearest-mean and fine-tuning with LwF, accuracy and seconds',
  },
  {
    paper: 84,
    status: 'out-of-scale',
    title: 'Train Once, Answer All: Many Pretraining Experiments for the Cost of One',
    quote: "the influence of the ten experiments on the model's training dynamics and overall performance is minimal",
    reason:
      'needs a 1.5B-parameter model pretrained on 210B tokens; interference between experiments in a tiny char-lm may differ',
  },
  {
    paper: 85,
    status: 'out-of-scale',
    title: 'Hidden Dynamics of Massive Activations in Transformer Training',
    quote:
      'follows predictable mathematical patterns that can be accurately modeled using an exponentially-modulated ' +
      'logarithmic function with five key parameters',
    reason:
      'needs the training checkpoints of large transformer LMs (Pythia scale), where massive activations arise; a tiny ' +
      'briefly-trained char transformer may show none',
  },
  {
    paper: 86,
    year: 2020,
    status: 'not-yet-run',
    title: 'Hopfield Networks is All You Need',
    quote: 'retrieves the pattern with one update, and has exponentially small retrieval errors',
    reason:
      'planned miniature: store M random ±1 patterns, retrieve corrupted queries with one update vs the classical ' +
      'Hopfield rule, error against M; not a training run, so it needs a trial kind the harness lacks (the benchmark ' +
      'results are out of scale)',
  },
  {
    paper: 87,
    year: 2022,
    status: 'not-yet-run',
    title: 'A Closer Look at Rehearsal-Free Continual Learning',
    quote: 'vanilla L2 parameter regularization outperforms EWC parameter regularization and feature distillation',
    reason:
      'planned miniature: class-incremental fashion-mnist (5 tasks of 2 classes) on a backbone pretrained on MNIST, L2 ' +
      'vs EWC vs feature and prediction distillation vs fine-tuning',
  },
  {
    paper: 88,
    year: 2023,
    status: 'out-of-scale',
    title: 'TimelyGPT: Extrapolatable Transformer Pre-training for Long-term Time-Series Forecasting in Healthcare',
    quote: 'accurate extrapolation up to 6,000 timesteps of body temperature',
    reason: 'needs healthcare biosignal data and transformers over 8k-step sequences',
  },
  {
    paper: 89,
    year: 2023,
    status: 'not-yet-run',
    title: 'MixtureGrowth: Growing Neural Networks by Recombining Learned Parameters',
    quote: 'achieving comparable performance with fewer FLOPs to a larger network trained from scratch',
    reason:
      'planned miniature: a fashion-mnist MLP grown from width 128 to 512 mid-training by recombining learned templates ' +
      'vs random new units vs a 512-wide net from scratch, accuracy against total FLOPs',
  },
  {
    paper: 90,
    year: 2023,
    status: 'not-yet-run',
    title: 'Never Train from Scratch: Fair Comparison of Long-Sequence Models Requires Data-Driven Priors',
    quote: 'random initialization leads to gross overestimation of the differences between architectures',
    reason:
      'planned miniature: 14×14 fashion-mnist as pixel sequences (length 196), tiny transformer vs GRU, from scratch vs ' +
      'self-pretrained; long sequences are slow on one core',
  },
  {
    paper: 91,
    status: 'not-yet-run',
    title: 'Blackbox Model Provenance via Palimpsestic Membership Inference',
    quote: 'models are more likely to memorize data seen later in training',
    reason:
      'planned miniature: a one-epoch char-lm over shuffled words, Spearman correlation between per-example ' +
      'log-likelihood and training position with a permutation p-value',
  },
  {
    paper: 92,
    year: 2023,
    status: 'claim',
    claims: ['hard-batches'],
    title: 'Can we learn better with hard samples?',
    quote: 'generalizes in 26.47% less number of epochs than the traditional mini-batch method',
    reason:
      'training on the highest-loss mini-batches vs all batches, steps to the fashion-mnist-mlp target; the top-1 gain ' +
      'is not tested',
  },
  {
    paper: 93,
    year: 2024,
    status: 'not-yet-run',
    title: 'Unveiling the Secret Recipe: A Guide For Supervised Fine-Tuning Small LLMs',
    quote: 'lower gradient norms and higher loss values, are strong indicators of better final model performance',
    reason:
      'planned miniature: on stored hyperparameter-sweep curves, rank correlation of early gradient norm and early loss ' +
      'with the final metric, and the regret of stopping runs early by them',
  },
  {
    paper: 94,
    year: 2023,
    status: 'no-testable-claim',
    title: 'A Domain-Agnostic Approach for Characterization of Lifelong Learning Systems',
    quote: 'a suite of metrics and an evaluation framework to assess Lifelong Learning',
    reason:
      'a metric framework for lifelong learning, not a training claim; the harness has no continual-learning reports ' +
      'yet in which to adopt its definitions',
  },
  {
    paper: 95,
    year: 2023,
    status: 'no-testable-claim',
    title: 'A Comprehensive Survey of Continual Learning: Theory, Method and Application',
    quote: 'we present a comprehensive survey of continual learning',
    reason: 'a survey; no testable claim',
  },
  {
    paper: 96,
    year: 2024,
    status: 'out-of-scale',
    title: 'The Fine Line: Navigating Large Language Model Pretraining with Down-streaming Capability Analysis',
    quote:
      'specific downstream metrics exhibit similar training dynamics across models of different sizes, up to 67 billion ' +
      'parameters',
    reason: 'needs intermediate checkpoints of LLMs up to 67B parameters and their downstream benchmarks',
  },
  {
    paper: 97,
    year: 2022,
    status: 'out-of-scale',
    title: 'Deep Model Assembling',
    quote:
      'improves the accuracy by 2.7% compared to the E2E baseline on ImageNet-1K, while saving the training cost by 43%',
    reason:
      'needs ViT-Huge training on ImageNet: the benefit targets very large models that are hard to train end to end',
  },
  {
    paper: 98,
    year: 2022,
    status: 'not-yet-run',
    title: 'Rethinking Pretraining as a Bridge from ANNs to SNNs',
    quote: 'using 1/10 training time on ImageNet-1K',
    reason:
      'planned miniature: a LIF spiking MLP (4 time steps, surrogate gradient) on fashion-mnist from scratch vs ' +
      'initialised from a trained ReLU MLP, steps to a target accuracy',
  },
  {
    paper: 99,
    year: 2023,
    status: 'out-of-scale',
    title: 'Dynamic Y-KD: A Hybrid Approach to Continual Instance Segmentation',
    quote: '+2.1% mAP on old classes in 15-1',
    reason:
      'needs continual instance-segmentation benchmarks (the 15-1, 19-1 and 15-5 class splits) with CNN segmentation models',
  },
  {
    paper: 100,
    year: 2024,
    status: 'out-of-scale',
    title: 'Hebbian Learning based Orthogonal Projection for Continual Learning of Spiking Neural Networks',
    quote: 'nearly zero forgetting under various supervised training methods',
    reason:
      'needs spiking networks with Hebbian lateral circuits over continual-learning benchmarks; an ANN ' +
      'gradient-projection proxy would change the claim',
  },
  {
    paper: 101,
    year: 2024,
    status: 'claim',
    claims: ['lr-annealing-law'],
    title: 'Scaling Law with Learning Rate Annealing',
    quote:
      'fitting only one or two training curves, we can accurately predict the loss of language model training at any ' +
      'given step and across any learning rate scheduler',
    reason:
      'the annealing-aware law fitted on constant and cosine curves predicts the char-lm curves of four held-out ' +
      'schedules (linear, WSD, step, REX), against a step power law',
  },
  {
    paper: 102,
    year: 2023,
    status: 'out-of-scale',
    title: 'Towards General Purpose Medical AI: Continual Learning Medical Foundation Model',
    quote: 'we employ rehearsal learning and receive a sharp boost in terms of generalization capability',
    reason: 'needs medical vision-language foundation models and their data',
  },
  {
    paper: 103,
    status: 'out-of-scale',
    title: 'PLM: Efficient Peripheral Language Models Hardware-Co-Designed for Ubiquitous Computing',
    quote: 'performance gains of 2% in general tasks, 9% in the GSM8K task, and 11% in coding tasks',
    reason: 'needs LLM pretraining and preference learning; only its WSDC learning-rate schedule ports to a miniature',
  },
  {
    paper: 104,
    status: 'out-of-scale',
    title: 'ASAP: Aligning Simulation and Real-World Physics for Learning Agile Humanoid Whole-Body Skills',
    quote: 'reducing tracking error compared to SysID, DR, and delta dynamics learning baselines',
    reason: 'needs humanoid robots and physics simulators',
  },
  {
    paper: 105,
    year: 2023,
    status: 'not-yet-run',
    title: 'SLCA: Slow Learner with Classifier Alignment for Continual Learning on a Pre-trained Model',
    quote: 'selectively reducing the learning rate can almost resolve this issue in the representation layer',
    reason:
      'planned miniature: class-incremental fashion-mnist on a backbone pretrained on MNIST, backbone learning rate ×1, ' +
      '×0.1, ×0.01 with and without classifier alignment, average incremental accuracy',
  },
  {
    paper: 106,
    year: 2023,
    status: 'not-yet-run',
    title: 'Better Training of GFlowNets with Local Credit and Incomplete Trajectories',
    quote: 'being able to obtain more localized credit and gradients is found to speed up training convergence',
    reason:
      'planned miniature: a set-generation GFlowNet with an MLP policy in TypeScript, detailed balance vs ' +
      'forward-looking detailed balance, steps until the L1 distance to the target distribution falls below a threshold',
  },
]);
