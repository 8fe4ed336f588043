import fc from 'fast-check';

/**
 * Damage a stored JSON file can suffer, for property tests: cut short, a flipped bit, a value of
 * another type, a key removed. `rehash` recomputes the file's content hash after the edit (as a
 * careful hand edit would), so the checks behind the hash are exercised too.
 */
export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'bitflip'; at: number; bit: number }
  | { kind: 'swap'; path: number; value: unknown; rehash: boolean }
  | { kind: 'delete'; path: number; rehash: boolean };

const strange = fc.constantFrom<unknown>(
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -1e308,
  1e308,
  2 ** 53 + 1,
  '',
  'x',
  '-5',
  'NaN',
  [],
  [1, 'a'],
  {},
  { a: null },
);

export const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((at) => ({ kind: 'truncate' as const, at })),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })).map(([at, bit]) => ({ kind: 'bitflip' as const, at, bit })),
  fc
    .tuple(fc.nat(), strange, fc.boolean())
    .map(([path, value, rehash]) => ({ kind: 'swap' as const, path, value, rehash })),
  fc.tuple(fc.nat(), fc.boolean()).map(([path, rehash]) => ({ kind: 'delete' as const, path, rehash })),
);

/** Every path to a value in a JSON value (objects and arrays), in a fixed order. */
function paths(
  v: unknown,
  prefix: Array<string | number> = [],
  out: Array<Array<string | number>> = [],
): Array<Array<string | number>> {
  if (v && typeof v === 'object') {
    for (const [k, child] of Object.entries(v)) {
      const p = [...prefix, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      paths(child, p, out);
    }
  }
  return out;
}

/** Applies a mutation to a file's text; `rehash(file)` returns the file's fresh content hash. */
export function mutate(text: string, m: Mutation, rehash: (file: Record<string, unknown>) => string): string {
  if (m.kind === 'truncate') return text.slice(0, m.at % Math.max(1, text.length));
  if (m.kind === 'bitflip') {
    const bytes = Buffer.from(text, 'utf8');
    const i = m.at % bytes.length;
    bytes[i] = bytes[i]! ^ (1 << m.bit);
    return bytes.toString('latin1');
  }
  const file = JSON.parse(text) as Record<string, unknown>;
  const all = paths(file).filter((p) => p[0] !== 'contentHash');
  const path = all[m.path % all.length]!;
  let parent: Record<string | number, unknown> = file;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (m.kind === 'swap') parent[last] = structuredClone(m.value);
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  if (m.rehash && 'contentHash' in file) file.contentHash = rehash(file);
  return JSON.stringify(file, null, 2) + '\n';
}
