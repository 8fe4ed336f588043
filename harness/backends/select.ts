import * as tf from '@tensorflow/tfjs';
import { ReprobenchError } from '../errors.js';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';
export type BackendRequest = 'auto' | BackendName;
export const BACKEND_CHOICES: readonly BackendRequest[] = ['auto', 'tensorflow', 'wasm', 'cpu'];

/**
 * Version of the project's own kernel set (kernels registered or replaced for a backend).
 * Part of the numerics class: bump it whenever a kernel the project registers changes, and
 * regenerate reference results in the same change.
 */
export const KERNEL_SET_VERSION = 1;

export interface BackendInfo {
  name: BackendName;
  tfjsVersion: string;
  /** What must match for results to be bit-comparable (DESIGN § Vocabulary). */
  numericsClass: string;
  /** One line per candidate tried, in order: why it was taken or passed over. */
  reasons: string[];
}

export function numericsClassOf(name: BackendName): string {
  return `${name}-tfjs${tf.version.tfjs}-k${KERNEL_SET_VERSION}`;
}

/**
 * A backend as a plan names it, without loading it: enough to compute trial ids (the numerics
 * class is part of them), e.g. on a login node that submits jobs for compute nodes.
 */
export function namedBackend(name: BackendName, reason = `${name}: named on the command line`): BackendInfo {
  return { name, tfjsVersion: tf.version.tfjs, numericsClass: numericsClassOf(name), reasons: [reason] };
}

/** Native TensorFlow bindings register the `tensorflow` backend on import; GPU build first. */
async function tryTensorflow(reasons: string[]): Promise<boolean> {
  for (const pkg of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      await import(pkg);
      if (tf.findBackend('tensorflow') && (await tf.setBackend('tensorflow'))) {
        reasons.push(`tensorflow: loaded ${pkg}`);
        return true;
      }
      reasons.push(`tensorflow: ${pkg} loaded but did not register a usable backend`);
    } catch (e) {
      reasons.push(`tensorflow: ${pkg} unavailable (${firstLine(e)})`);
    }
  }
  return false;
}

async function tryWasm(reasons: string[]): Promise<boolean> {
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    if (await tf.setBackend('wasm')) {
      reasons.push('wasm: @tensorflow/tfjs-backend-wasm initialised (SIMD, 1 thread in Node)');
      return true;
    }
    reasons.push('wasm: setBackend failed');
  } catch (e) {
    reasons.push(`wasm: unavailable (${firstLine(e)})`);
  }
  return false;
}

async function tryCpu(reasons: string[]): Promise<boolean> {
  const ok = await tf.setBackend('cpu');
  reasons.push(ok ? 'cpu: pure-JS backend' : 'cpu: setBackend failed');
  return ok;
}

const TRY: Record<BackendName, (r: string[]) => Promise<boolean>> = { tensorflow: tryTensorflow, wasm: tryWasm, cpu: tryCpu };
const AUTO_ORDER: BackendName[] = ['tensorflow', 'wasm', 'cpu'];

let active: BackendInfo | undefined;

/**
 * Initialises a backend in this process. `auto` tries tfjs-node-gpu, tfjs-node, wasm, cpu in
 * that order and records why each was taken or passed over.
 * @throws ReprobenchError E_BACKEND_UNAVAILABLE when an explicitly requested backend cannot load
 */
export async function initBackend(request: BackendRequest): Promise<BackendInfo> {
  if (active && (request === 'auto' || request === active.name)) return active;
  // Production mode drops tfjs's debug checks and its "install tfjs-node" console banner.
  tf.enableProdMode();
  const reasons: string[] = [];
  const order = request === 'auto' ? AUTO_ORDER : [request];
  for (const name of order) {
    if (await TRY[name](reasons)) {
      await tf.ready();
      if (request === 'auto') reasons.push(`auto chose ${name}: first that loaded in the order ${AUTO_ORDER.join(' > ')}`);
      else reasons.push(`${name}: requested with --backend`);
      active = { name, tfjsVersion: tf.version.tfjs, numericsClass: numericsClassOf(name), reasons };
      return active;
    }
  }
  throw new ReprobenchError(
    'E_BACKEND_UNAVAILABLE',
    `backend "${request}" could not be initialised: ${reasons.join('; ')}`,
    request === 'tensorflow'
      ? 'install @tensorflow/tfjs-node (it downloads libtensorflow at install time), or use --backend auto'
      : 'use --backend auto to fall back to an available backend',
  );
}

/** The first line of an error, without file-system paths (provenance never holds absolute paths). */
export function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e)
    .split('\n')[0]!
    .replace(/ imported from \S+/g, '')
    .replace(/(?:[A-Za-z]:)?(?:[\\/][\w.@+-]+){2,}[\\/]?/g, '<path>')
    .slice(0, 160);
}
