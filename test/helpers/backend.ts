import * as tf from '@tensorflow/tfjs';
import { initBackend, type BackendName } from '../../harness/backends/select.js';

/** Switches this test process to a backend (tests run each file in its own process). */
export async function useBackend(name: BackendName): Promise<void> {
  await initBackend(name);
  if (tf.getBackend() !== name) await tf.setBackend(name);
}
