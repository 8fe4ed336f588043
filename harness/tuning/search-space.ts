import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../core/trial.js';
import type { HParams, HParamValue, SearchDimension } from '../core/method.js';
import { ReprobenchError } from '../errors.js';
import { haltonSequence, haltonStart } from './halton.js';

/**
 * Hyperparameter search spaces in AlgoPerf's `tuning_search_space.json` format, and Halton
 * sampling over them. AlgoPerf accepts two shapes (algoperf/halton.py `generate_search`,
 * mlcommons/algorithmic-efficiency c34af17f):
 * - an object of dimensions, `{"lr": {"min": 1e-4, "max": 1e-2, "scaling": "log"},
 *   "dropout": {"feasible_points": [0.0, 0.1]}}`, sampled quasirandomly; reprobench also reads
 *   `feasiblePoints` (its own `SearchDimension`);
 * - a list of fixed points, `[{"lr": 0.001, ...}, ...]`: trial i runs point i.
 */

const value = z.union([z.number(), z.string(), z.boolean()]);
const range = z
  .object({ min: z.number().finite(), max: z.number().finite(), scaling: z.enum(['log', 'linear']) })
  .strict()
  .refine((d) => d.min <= d.max, { message: 'min must not exceed max' })
  .refine((d) => d.scaling !== 'log' || d.min > 0, { message: 'log scaling needs min > 0' });
const feasibleSnake = z.object({ feasible_points: z.array(value).min(1) }).strict();
const feasibleCamel = z.object({ feasiblePoints: z.array(value).min(1) }).strict();
const pointsSchema = z.array(z.record(z.string().min(1), value)).min(1);

/** A parsed search space. Dimension order is the order of the keys in the file (it decides which Halton coordinate each name gets). */
export type SearchSpace =
  | { kind: 'dimensions'; dimensions: Array<{ name: string; dimension: SearchDimension }> }
  | { kind: 'points'; points: HParams[] };

/** Picks the schema by the keys present, so an error names the field that is wrong rather than "no union member matched". */
function parseDimension(name: string, raw: unknown, source: string): SearchDimension {
  const fail = (error: z.ZodError) => badSpace(source, error, [name]);
  if (raw && typeof raw === 'object' && 'feasible_points' in raw) {
    const r = feasibleSnake.safeParse(raw);
    if (!r.success) throw fail(r.error);
    return { feasiblePoints: r.data.feasible_points };
  }
  if (raw && typeof raw === 'object' && 'feasiblePoints' in raw) {
    const r = feasibleCamel.safeParse(raw);
    if (!r.success) throw fail(r.error);
    return { feasiblePoints: r.data.feasiblePoints };
  }
  const r = range.safeParse(raw);
  if (!r.success) throw fail(r.error);
  return r.data;
}

/**
 * Reads a search space in AlgoPerf JSON form (or reprobench's `Record<string, SearchDimension>`).
 * @param source where it came from, for error messages
 * @throws ReprobenchError E_BAD_CONFIG naming the offending key
 */
export function parseSearchSpace(json: unknown, source = 'search space'): SearchSpace {
  if (Array.isArray(json)) {
    const r = pointsSchema.safeParse(json);
    if (!r.success) throw badSpace(source, r.error);
    return { kind: 'points', points: r.data };
  }
  if (!json || typeof json !== 'object' || Object.keys(json).length === 0) {
    throw new ReprobenchError('E_BAD_CONFIG', `${source}: a search space needs at least one dimension`, HINT);
  }
  return {
    kind: 'dimensions',
    dimensions: Object.entries(json).map(([name, raw]) => ({ name, dimension: parseDimension(name, raw, source) })),
  };
}

const HINT =
  'each dimension is {"min": x, "max": y, "scaling": "log"|"linear"} (log needs min > 0) or {"feasible_points": [...]}; or give a list of fixed points';

function badSpace(source: string, error: z.ZodError, prefix: PropertyKey[] = []): ReprobenchError {
  const issue = error.issues[0]!;
  const path = [...prefix, ...issue.path].map(String);
  const where = path.length ? path.join('.') : '(top level)';
  return new ReprobenchError('E_BAD_CONFIG', `${source}: ${where}: ${issue.message}`, HINT);
}

/**
 * Maps u in [0, 1) onto a dimension, as AlgoPerf does: linear is min + u (max - min); log is
 * min · exp(u · ln(max/min)), uniform in log space; feasible points take index ⌊u · n⌋.
 */
export function mapUnitValue(dimension: SearchDimension, u: number): HParamValue {
  if (!(u >= 0 && u <= 1)) throw new RangeError(`unit value must lie in [0, 1], got ${u}`);
  if ('feasiblePoints' in dimension) {
    const n = dimension.feasiblePoints.length;
    // u is < 1 for Halton points; the clamp keeps u = 1 (a caller's own point) in range.
    return dimension.feasiblePoints[Math.min(n - 1, Math.floor(u * n))]!;
  }
  const { min, max, scaling } = dimension;
  return scaling === 'log' ? min * Math.exp(u * Math.log(max / min)) : min + u * (max - min);
}

/** Maps one unit point (one coordinate per dimension, in order) to hyperparameters. */
export function mapUnitPoint(space: Extract<SearchSpace, { kind: 'dimensions' }>, point: number[]): HParams {
  if (point.length !== space.dimensions.length)
    throw new RangeError(`point has ${point.length} coordinates, the space ${space.dimensions.length} dimensions`);
  return Object.fromEntries(
    space.dimensions.map(({ name, dimension }, k) => [name, mapUnitValue(dimension, point[k]!)]),
  );
}

/** Where a sample's Halton points start: a seed (hashed to an offset, see `haltonStart`) or an explicit index. */
export type SampleStart = { seed: string } | { start: number };

/**
 * `count` hyperparameter points from a search space. Dimension spaces use consecutive Halton
 * points from the seeded start; a list of fixed points yields its first `count` points (fewer
 * when the list is shorter, as AlgoPerf shortens the study to the list's length).
 */
export function sampleSearchSpace(space: SearchSpace, count: number, from: SampleStart): HParams[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (space.kind === 'points') return space.points.slice(0, count).map((p) => ({ ...p }));
  const start = 'seed' in from ? haltonStart(from.seed) : from.start;
  return haltonSequence(count, space.dimensions.length, start).map((u) => mapUnitPoint(space, u));
}

/**
 * A short hash of a search space, the same for equal spaces: dimensions in their order (the
 * order decides which Halton coordinate each gets), each dimension's fields in canonical order.
 * It seeds the study streams, so arms with equal spaces are tried on the same points.
 */
export function searchSpaceKey(space: SearchSpace): string {
  const body =
    space.kind === 'points'
      ? { points: space.points }
      : { dimensions: space.dimensions.map((d) => [d.name, d.dimension]) };
  return createHash('sha256').update(canonicalJson(body)).digest('hex').slice(0, 16);
}
