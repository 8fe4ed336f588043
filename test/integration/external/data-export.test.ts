import { createHash } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReprobenchError } from '../../../harness/errors.js';
import { workloadData } from '../../../harness/runner/data-cache.js';
import { ensureExport, readExport } from '../../../harness/runner/data-export.js';
import { deriveSeed } from '../../../harness/runner/seeds.js';
import { FASHION_MNIST_CLASSES } from '../../../workloads/fashion-mnist/data.js';
import { fashionMnistMlp } from '../../../workloads/fashion-mnist/workload.js';
import { teacherStudent } from '../../../workloads/synthetic/teacher-student.js';
import { cli, TEST_CACHE, tempDir } from '../../helpers/cli.js';

const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('reprobench data export', () => {
  it('writes the exact seeded fashion-mnist split with a header an external trainer can check', async () => {
    const out = tempDir();
    const r = cli(['data', 'export', 'fashion-mnist-mlp', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/exported fashion-mnist-mlp v2 \(default\)/);
    const header = readExport(out, true);
    expect(header).toMatchObject({
      format: 'reprobench-data',
      formatVersion: 1,
      workload: { id: 'fashion-mnist-mlp', version: 2, variant: 'default' },
      splitSeed: deriveSeed('split', ['fashion-mnist-mlp', 2, 'default']),
      task: { kind: 'classification', numClasses: 10, classNames: [...FASHION_MNIST_CLASSES] },
      featureSize: 784,
      scale: 1 / 255,
      byteOrder: 'little',
    });
    expect(header.files.train.x).toMatchObject({
      path: 'train-x.u8',
      dtype: 'uint8',
      shape: [60000, 784],
      bytes: 60000 * 784,
    });
    expect(header.files.valid.y).toMatchObject({ path: 'valid-y.u8', dtype: 'uint8', shape: [10000], bytes: 10000 });
    for (const f of Object.values(header.files).flatMap((s) => [s.x, s.y])) {
      expect(r.stdout).toContain(f.sha256);
      expect(
        createHash('sha256')
          .update(readFileSync(join(out, f.path)))
          .digest('hex'),
      ).toBe(f.sha256);
    }
    // The same examples, in the same order, as every built-in trial trains and validates on.
    const data = await workloadData(fashionMnistMlp, 'default', TEST_CACHE);
    expect(readFileSync(join(out, 'train-x.u8')).equals(bytes(data.train.x))).toBe(true);
    expect(readFileSync(join(out, 'valid-x.u8')).equals(bytes(data.valid.x))).toBe(true);
    expect(readFileSync(join(out, 'train-y.u8')).equals(Buffer.from(Uint8Array.from(data.train.y)))).toBe(true);
    expect(readFileSync(join(out, 'valid-y.u8')).equals(Buffer.from(Uint8Array.from(data.valid.y)))).toBe(true);
  }, 120_000);

  it('exports float data as little-endian float32 (teacher-student)', async () => {
    const out = tempDir();
    const r = cli(['data', 'export', 'teacher-student', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const header = readExport(out, true);
    expect(header.task).toEqual({ kind: 'regression', targetSize: 1 });
    expect(header.files.train.x).toMatchObject({ path: 'train-x.f32', dtype: 'float32', shape: [2048, 16] });
    expect(header.files.train.y).toMatchObject({ path: 'train-y.f32', dtype: 'float32', shape: [2048, 1] });
    const data = await workloadData(teacherStudent, 'default', TEST_CACHE);
    const x = readFileSync(join(out, 'train-x.f32'));
    expect(Array.from(new Float32Array(x.buffer, x.byteOffset, x.length / 4))).toEqual(Array.from(data.train.x));
  });

  it('refuses an unknown workload with a coded error', () => {
    const r = cli(['data', 'export', 'fashion-mnist-mpl', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_UNKNOWN_ID/);
    expect(r.stderr).toMatch(/did you mean "fashion-mnist-mlp"/);
  });

  it('detects a damaged export, and the harness writes its own copy again', async () => {
    const cache = tempDir();
    const { dir, header } = await ensureExport(teacherStudent, 'default', cache);
    const file = join(dir, header.files.valid.x.path);
    const original = readFileSync(file);
    writeFileSync(file, Buffer.concat([Buffer.from([original[0]! ^ 1]), original.subarray(1)]));
    expect(() => readExport(dir)).not.toThrow();
    const damaged = (() => {
      try {
        readExport(dir, true);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(isReprobenchError(damaged) && damaged.code).toBe('E_DATA');
    expect((damaged as Error).message).toMatch(/valid-x\.f32 does not match its SHA-256/);
    truncateSync(file, 10);
    expect(() => readExport(dir)).toThrow(/valid-x\.f32 is missing or has the wrong size/);
    await ensureExport(teacherStudent, 'default', cache);
    expect(readFileSync(file).equals(original)).toBe(true);
  });
});
