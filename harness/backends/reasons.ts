/** The first line of an error, without file-system paths (provenance never holds absolute paths). */
export function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e)
    .split('\n')[0]!
    .replace(/ imported from \S+/g, '')
    .replace(/(?:[A-Za-z]:)?(?:[\\/][\w.@+-]+){2,}[\\/]?/g, '<path>')
    .slice(0, 160);
}
