// Types of system-deps.mjs (plain JavaScript: it runs before npm ci, with no TypeScript).
export type DependencyId = 'chromium' | 'python3' | 'torch' | 'cc' | 'openblas' | 'clang' | 'addon' | 'slurm';

export interface Dependency {
  id: DependencyId;
  what: string;
  apt?: string[];
  recommends?: boolean;
  step?: string;
}

export interface RunResult {
  status: number | null;
  out: string;
  error?: string;
}

export interface SystemView {
  env: Record<string, string | undefined>;
  uid: number;
  exists(path: string): boolean;
  readFile(path: string): string;
  run(cmd: string, args: string[], timeoutMs?: number): RunResult;
}

export type Missing = Partial<Record<DependencyId, string | null>>;

export interface SetupStep {
  kind: 'apt-update' | 'apt' | 'npm-ci' | 'addon' | 'slurm' | 'lint' | 'test';
  command: string[];
  asRoot?: boolean;
  packages?: string[];
  for?: DependencyId[];
  reason?: string;
}

export const ROOT: string;
export const FIX_COMMAND: string;
export const ADDON: string;
export const DEPENDENCIES: Dependency[];
export const realSystem: SystemView;
export const PROBES: Record<DependencyId, (sys: SystemView) => string | null>;
export function probeAll(sys?: SystemView, ids?: DependencyId[]): Record<DependencyId, string | null>;
export function installProblem(sys?: SystemView, root?: string): string | null;
export function planSetup(missing: Missing, opts?: { install?: string | null }): SetupStep[];
export function describeStep(step: SetupStep): string;
