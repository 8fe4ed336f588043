"""reprobench's seeded random source, ported from TypeScript for external trainers.

A line-by-line port of ``harness/rng.ts`` (reprobench's ``Rng``) and of the pure-rand 8.x
functions it uses (``xoroshiro128plusFromState``, ``uniformFloat64``), so a trainer in another
framework draws the *same* numbers from the same 32-hex-digit seed: the same batch order
(``permutation``, Fisher–Yates) and the same Glorot-uniform initial weights (``glorot_uniform``).
Pure Python, no dependencies; the tests in ``test/integration/external/rng-port.test.ts`` prove
it bit for bit against the TypeScript original.
"""

from array import array
import math

_M32 = 0xFFFFFFFF


class Rng:
    """xoroshiro128+ (pure-rand's 32-bit-limb formulation) seeded from 32 hex digits."""

    __slots__ = ("_s01", "_s00", "_s11", "_s10")

    def __init__(self, seed_hex: str):
        if len(seed_hex) != 32 or any(c not in "0123456789abcdef" for c in seed_hex):
            raise ValueError(f"Rng seed must be 32 lowercase hex digits, got {seed_hex!r}")
        # rng.ts: state = 4 × 32 bits, in order, fed to xoroshiro128plusFromState(s01, s00, s11, s10).
        self._s01, self._s00, self._s11, self._s10 = (int(seed_hex[i:i + 8], 16) for i in (0, 8, 16, 24))

    def next_uint32(self) -> int:
        """pure-rand XoroShiro128Plus.next(), as an unsigned 32-bit integer (JS returns it signed)."""
        s01, s00, s11, s10 = self._s01, self._s00, self._s11, self._s10
        out = (s00 + s10) & _M32
        a0 = s10 ^ s00
        a1 = s11 ^ s01
        self._s00 = ((s00 << 24) & _M32) ^ (s01 >> 8) ^ a0 ^ ((a0 << 16) & _M32)
        self._s01 = ((s01 << 24) & _M32) ^ (s00 >> 8) ^ a1 ^ (((a1 << 16) & _M32) | (a0 >> 16))
        self._s10 = ((a1 << 5) & _M32) ^ (a0 >> 27)
        self._s11 = ((a0 << 5) & _M32) ^ (a1 >> 27)
        return out

    def uniform(self) -> float:
        """Uniform in [0, 1) with 53 random bits (pure-rand uniformFloat64; exact in binary64)."""
        v1 = self.next_uint32() & 0x3FFFFFF
        v2 = self.next_uint32() & 0x7FFFFFF
        return v1 * 1.4901161193847656e-8 + v2 * 1.1102230246251565e-16

    def int(self, n: int) -> int:
        """Uniform integer in [0, n): floor(uniform() * n), as rng.ts."""
        return math.floor(self.uniform() * n)

    def permutation(self, n: int) -> list:
        """A uniformly random permutation of 0..n-1 (Fisher–Yates from the end, as rng.ts)."""
        p = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.int(i + 1)
            p[i], p[j] = p[j], p[i]
        return p


class BatchOrder:
    """reprobench's BatchStream (harness/runner/batches.ts): epochs of fresh permutations from the
    trial's ``order`` stream; a batch running past an epoch's end continues into the next one."""

    def __init__(self, n: int, batch_size: int, rng: Rng):
        self.n, self.batch_size, self.rng = n, batch_size, rng
        self.perm = rng.permutation(n)
        self.pos = 0
        self.epoch = 0

    def next_rows(self) -> list:
        rows = []
        for _ in range(self.batch_size):
            if self.pos == len(self.perm):
                self.perm = self.rng.permutation(self.n)
                self.pos = 0
                self.epoch += 1
            rows.append(self.perm[self.pos])
            self.pos += 1
        return rows


def glorot_uniform(rng: Rng, fan_in: int, fan_out: int) -> array:
    """A [fan_in, fan_out] weight matrix, row-major float32, exactly as workloads/common/mlp.ts draws
    it: (2u − 1) · sqrt(6 / (fan_in + fan_out)) in float64, rounded to float32."""
    limit = math.sqrt(6 / (fan_in + fan_out))
    u = rng.uniform
    return array("f", [(2 * u() - 1) * limit for _ in range(fan_in * fan_out)])


def schedule_multiplier(name: str, warmup_fraction: float, step: int, total_steps: int) -> float:
    """benchmarks/methods/schedules.ts scheduleMultiplier: linear warmup, then constant/linear/cosine."""
    warmup = math.floor(warmup_fraction * total_steps)
    if step < warmup:
        return (step + 1) / warmup
    span = max(total_steps - warmup, 1)
    z = min((step - warmup) / span, 1)
    if name == "constant":
        return 1.0
    if name == "linear":
        return 1 - z
    if name == "cosine":
        return 0.5 * (1 + math.cos(math.pi * z))
    raise ValueError(f"unknown schedule {name!r} (constant, linear, cosine)")
