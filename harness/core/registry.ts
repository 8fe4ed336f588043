import { closest, distance } from 'fastest-levenshtein';
import { ReprobenchError } from '../errors.js';

/**
 * A typed map from id to definition. Lookups of unknown ids fail with the list of known ids
 * and a "did you mean" suggestion, so a typo on the command line is a one-glance fix.
 */
export class Registry<T extends { id: string }> {
  private readonly items = new Map<string, T>();
  private readonly origins = new Map<string, string>();

  /** @param kind what the registry holds, in the singular ("workload"), for messages */
  constructor(readonly kind: string) {}

  /** @throws ReprobenchError E_DUPLICATE_ID when the id is taken (two definitions would be ambiguous) */
  add(item: T, origin = 'built-in'): this {
    if (this.items.has(item.id)) {
      throw new ReprobenchError(
        'E_DUPLICATE_ID',
        `${this.kind} "${item.id}" is defined twice (the second comes from ${origin})`,
        `rename one of them; ids must be unique across built-ins and reprobench.config.*`,
      );
    }
    this.items.set(item.id, item);
    this.origins.set(item.id, origin);
    return this;
  }

  /** `built-in`, or the config file that defined it. */
  originOf(id: string): string | undefined {
    return this.origins.get(id);
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  /** @throws ReprobenchError E_UNKNOWN_ID with the known ids and the nearest one */
  get(id: string): T {
    const item = this.items.get(id);
    if (item) return item;
    throw unknownIdError(this.kind, id, [...this.items.keys()]);
  }

  ids(): string[] {
    return [...this.items.keys()].sort();
  }

  values(): T[] {
    return this.ids().map((id) => this.items.get(id)!);
  }
}

export function unknownIdError(kind: string, id: string, known: string[]): ReprobenchError {
  const suggestion = suggest(id, known);
  const did = suggestion ? `did you mean "${suggestion}"? ` : '';
  return new ReprobenchError(
    'E_UNKNOWN_ID',
    `unknown ${kind} "${id}"`,
    `${did}known ${kind}s: ${known.length ? [...known].sort().join(', ') : '(none)'}; ` +
      `run \`reprobench list ${kind}s\` to see them`,
  );
}

/** The nearest known id, when it is near enough to be a plausible typo. */
export function suggest(id: string, known: string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(id, known);
  const prefix = known.find((k) => k.startsWith(id) || id.startsWith(k));
  if (distance(id, best) <= Math.max(2, Math.floor(best.length / 3))) return best;
  return prefix;
}
