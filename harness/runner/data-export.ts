import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { ExampleSet, SupervisedData, WorkloadDefinition } from '../core/workload.js';
import { ReprobenchError } from '../errors.js';
import { writeFileAtomic, writeJsonAtomic } from '../store/atomic.js';
import { workloadData } from './data-cache.js';
import { deriveSeed } from './seeds.js';

/** Bump when the exported layout changes; trainers check it. */
export const EXPORT_FORMAT_VERSION = 1;
export const HEADER_FILE = 'header.json';

const FileEntry = z.object({
  path: z.string(),
  dtype: z.enum(['uint8', 'int32', 'float32']),
  shape: z.array(z.number().int().nonnegative()),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ExportFile = z.infer<typeof FileEntry>;

export const ExportHeaderSchema = z.object({
  format: z.literal('reprobench-data'),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  workload: z.object({ id: z.string(), version: z.number().int(), variant: z.string() }),
  /** The split seed (harness/runner/seeds.ts): the same split every built-in trial of this workload version uses. */
  splitSeed: z.string(),
  task: z.union([
    z.object({
      kind: z.literal('classification'),
      numClasses: z.number().int(),
      classNames: z.array(z.string()).nullable(),
    }),
    z.object({ kind: z.literal('regression'), targetSize: z.number().int() }),
  ]),
  featureSize: z.number().int().positive(),
  /** Features as the model sees them: float32(x × scale), the product taken in float64. */
  scale: z.number(),
  /** Multi-byte values are little-endian; arrays are row-major. */
  byteOrder: z.literal('little'),
  files: z.object({ train: z.object({ x: FileEntry, y: FileEntry }), valid: z.object({ x: FileEntry, y: FileEntry }) }),
  attribution: z.string(),
});
export type ExportHeader = z.infer<typeof ExportHeaderSchema>;

function bytesOf(a: Uint8Array | Int32Array | Float32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function entry(
  dir: string,
  name: string,
  dtype: ExportFile['dtype'],
  shape: number[],
  data: Uint8Array | Int32Array | Float32Array,
): ExportFile {
  const bytes = bytesOf(data);
  writeFileAtomic(join(dir, name), bytes);
  return {
    path: name,
    dtype,
    shape,
    bytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

function writeSet(
  dir: string,
  split: 'train' | 'valid',
  set: ExampleSet,
  data: SupervisedData,
): { x: ExportFile; y: ExportFile } {
  const x =
    set.x instanceof Uint8Array
      ? entry(dir, `${split}-x.u8`, 'uint8', [set.n, data.featureSize], set.x)
      : entry(dir, `${split}-x.f32`, 'float32', [set.n, data.featureSize], set.x);
  let y: ExportFile;
  if (data.task.kind === 'classification') {
    const labels = Int32Array.from(set.y);
    y =
      data.task.numClasses <= 256
        ? entry(dir, `${split}-y.u8`, 'uint8', [set.n], Uint8Array.from(labels))
        : entry(dir, `${split}-y.i32`, 'int32', [set.n], labels);
  } else {
    y = entry(dir, `${split}-y.f32`, 'float32', [set.n, data.task.targetSize], Float32Array.from(set.y));
  }
  return { x, y };
}

/**
 * Writes a workload's seeded train/validation split as raw arrays plus `header.json` (shapes,
 * dtypes, scale, class names, split seed, SHA-256 of every file), so a trainer in any framework
 * reads exactly the examples built-in trials train and validate on. The header is written last:
 * its presence marks a complete export.
 */
export function writeExport(
  outDir: string,
  def: WorkloadDefinition,
  variant: string,
  data: SupervisedData,
): ExportHeader {
  if (endianness() !== 'LE')
    throw new ReprobenchError(
      'E_DATA',
      'data export needs a little-endian machine',
      'run the export on x86-64 or arm64',
    );
  const header: ExportHeader = {
    format: 'reprobench-data',
    formatVersion: EXPORT_FORMAT_VERSION,
    workload: { id: def.id, version: def.version, variant },
    splitSeed: deriveSeed('split', [def.id, def.version, variant]),
    task:
      data.task.kind === 'classification'
        ? {
            kind: 'classification',
            numClasses: data.task.numClasses,
            classNames: data.task.classNames ? [...data.task.classNames] : null,
          }
        : { kind: 'regression', targetSize: data.task.targetSize },
    featureSize: data.featureSize,
    scale: data.xScale ?? 1,
    byteOrder: 'little',
    files: { train: writeSet(outDir, 'train', data.train, data), valid: writeSet(outDir, 'valid', data.valid, data) },
    attribution: def.dataAttribution,
  };
  writeJsonAtomic(join(outDir, HEADER_FILE), header);
  return header;
}

/**
 * Reads an export's header and checks that every file it lists is there with the listed size
 * (and, with `verify`, the listed SHA-256).
 * @throws ReprobenchError E_DATA on a missing, malformed or damaged export
 */
export function readExport(dir: string, verify = false): ExportHeader {
  const path = join(dir, HEADER_FILE);
  const damaged = (why: string) =>
    new ReprobenchError(
      'E_DATA',
      `data export in ${dir} is unusable: ${why}`,
      'delete the directory; reprobench writes it again (or run `reprobench data export`)',
    );
  if (!existsSync(path)) throw damaged(`no ${HEADER_FILE}`);
  let header: ExportHeader;
  try {
    header = ExportHeaderSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (e) {
    throw damaged(`${HEADER_FILE} is not a valid header (${(e as Error).message.split('\n')[0]})`);
  }
  for (const f of [header.files.train.x, header.files.train.y, header.files.valid.x, header.files.valid.y]) {
    const p = join(dir, f.path);
    if (!existsSync(p) || statSync(p).size !== f.bytes) throw damaged(`${f.path} is missing or has the wrong size`);
    if (verify && createHash('sha256').update(readFileSync(p)).digest('hex') !== f.sha256)
      throw damaged(`${f.path} does not match its SHA-256`);
  }
  return header;
}

/** Where the harness keeps a workload's export for external trainers. */
export function exportDir(cacheDir: string, def: WorkloadDefinition, variant: string): string {
  return join(cacheDir, 'exports', `v${EXPORT_FORMAT_VERSION}`, def.id, `v${def.version}`, variant);
}

/**
 * The export external trainers of a workload read, written on first use into the cache. Files
 * are written atomically and are identical whoever writes them, so concurrent workers are safe.
 */
export async function ensureExport(
  def: WorkloadDefinition,
  variant: string,
  cacheDir: string,
): Promise<{ dir: string; header: ExportHeader }> {
  if (def.dataPerRepeat) {
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `workload ${def.id} draws its data afresh for each repeat; an export holds one data set`,
      'run its trials with a built-in method (external trainers read exported data)',
    );
  }
  const dir = exportDir(cacheDir, def, variant);
  try {
    return { dir, header: readExport(dir) };
  } catch {
    const data = await workloadData(def, variant, cacheDir);
    return { dir, header: writeExport(dir, def, variant, data) };
  }
}
