/** One changed field between two configurations, by dotted path. */
export interface FieldChange {
  path: string;
  reference: unknown;
  current: unknown;
}

/** The leaf fields that differ between two plain JSON objects (added and removed ones included). */
export function diffConfig(reference: unknown, current: unknown, prefix = ''): FieldChange[] {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(reference) && isObj(current)) {
    const keys = [...new Set([...Object.keys(reference), ...Object.keys(current)])].sort();
    return keys.flatMap((k) => diffConfig(reference[k], current[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(reference) === JSON.stringify(current)
    ? []
    : [{ path: prefix || '(root)', reference, current }];
}
