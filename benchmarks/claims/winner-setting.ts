/** What the two WINNER cards (catalogue #48) share: the paper, the optimizer, the setting. */
/** Every arm: Adam (no weight decay) at one shared, untuned constant rate; only the initial weights differ. */
export const WINNER_ADAM = { learningRate: 1e-3, weightDecay: 0 };

export const WINNER_PAPER = {
  title: 'Spectral Bottleneck in Deep Neural Networks: Noise is All You Need',
  authors: 'Hemanth Chandravamsi, Dhanush V. Shenoy, Itay Zinn, Shimon Pisnoy, Steven H. Frankel',
  year: 2025,
  url: 'https://arxiv.org/abs/2509.09719',
  catalogue: 48,
};

export const WINNER_SETTING =
  'The paper fits audio clips (and images) with SIRENs of a few hundred units per layer over thousands of steps. Here: ' +
  'one deterministic 1-D signal of 4,096 samples on [−1, 1] (workload inr-1d), a SIREN 1→64→64→1 with ω₀ = 30 and the ' +
  "SIREN code's initialisation, full-batch MSE, Adam at 1e-3 with no decay for both arms (shared, not tuned: WINNER changes " +
  "only the initial weights). WINNER adds N(0, (s0/ω₀)²) to W₀ and N(0, (s1/ω₀)²) to W₁ with the authors' audio constants " +
  '(s0 = 3500(1 − e^{−7z}), s1 = 3z, z = the target spectral centroid; the code has a = 7, the paper text a = 5), read ' +
  "through a port that cites the authors' modules/networks.py (their repository was not reachable here). The constants are " +
  'absolute frequencies (radians per unit of x), so their effect depends on the sample count: at 4,096 samples the noise ' +
  "spreads the first layer's frequencies over about half of Nyquist, the band of the high-frequency signal. ";
