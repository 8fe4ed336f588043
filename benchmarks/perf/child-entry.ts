import { fileURLToPath } from 'node:url';

/** How to start a sibling module as a process: compiled JS directly, TypeScript sources through tsx. */
export function childEntry(moduleFile: string): { path: string; execArgv: string[] } {
  const self = fileURLToPath(import.meta.url);
  const ts = self.endsWith('.ts');
  return {
    path: self.replace(/child-entry\.(ts|js)$/, `${moduleFile}.${ts ? 'ts' : 'js'}`),
    execArgv: ts ? ['--import', 'tsx'] : [],
  };
}
