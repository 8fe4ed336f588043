import { describe, expect, it } from 'vitest';
import { firstLine, initBackend, KERNEL_SETS } from '../../../harness/backends/select.js';
// Sets the probe's optimizer (the built-in AdamW), as every command that probes does by loading the built-ins.
import '../../../harness/builtins.js';

describe('backend selection', () => {
  it('auto picks among the backends that load and says why for each candidate', async () => {
    const b = await initBackend('auto');
    // On this project's machines tfjs-node cannot install and there is no GPU, so auto lands on
    // blas where the OpenBLAS addon was built (.ci/run installs OpenBLAS), else on wasm.
    expect(['tensorflow', 'webgpu', 'blas', 'wasm']).toContain(b.name);
    expect(b.reasons.some((r) => r.startsWith('auto chose'))).toBe(true);
    if (b.name === 'blas' || b.name === 'wasm') {
      expect(b.reasons.filter((r) => r.startsWith('tensorflow:'))).toHaveLength(2);
      expect(b.reasons.filter((r) => r.startsWith('webgpu:'))).toHaveLength(1);
    }
    if (b.name === 'wasm') expect(b.reasons.filter((r) => r.startsWith('blas:'))).toHaveLength(1);
    expect(b.numericsClass.startsWith(`${b.name}-tfjs4.22.0-k${KERNEL_SETS[b.name]}`)).toBe(true);
    expect(b.reasons.join('\n')).not.toMatch(/\/(work|tmp|home|root)\//);
  });

  it('keeps absolute paths out of the reasons it stores', () => {
    expect(
      firstLine(
        new Error(
          "Cannot find package '@tensorflow/tfjs-node' imported from /tmp/x/dist/harness/backends/select.js\nstack",
        ),
      ),
    ).toBe("Cannot find package '@tensorflow/tfjs-node'");
    expect(firstLine('failed to open /home/someone/.cache/libtensorflow.so.2')).toBe('failed to open <path>');
  });
});
