import * as tf from '@tensorflow/tfjs';

/**
 * tfjs 4.22's gradient of Mean builds `ones(x.shape)` in JavaScript on every backward pass (a
 * Float32Array filled and uploaded: 256 KB for each of a transformer's layer norms) to broadcast
 * dy by multiplying with it. This one divides dy by the reduced size first and broadcasts the
 * result (a copy): the same values bit for bit — x·1 is x, and dividing before or after copying
 * gives the same quotients (tested) — with no JavaScript array and a smaller division.
 */
const meanGrad: tf.GradConfig = {
  kernelName: 'Mean',
  inputsToSave: ['x'],
  gradFunc: (dy, saved, attrs) => {
    const [x] = saved as [tf.Tensor];
    const axes = tf.util.parseAxisParam((attrs as unknown as tf.MeanAttrs).axis, x.shape);
    const reduceSize = tf.util.sizeFromShape(tf.backend_util.computeOutAndReduceShapes(x.shape, axes)[1]);
    const expanded = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
    return { x: () => tf.broadcastTo(tf.div(tf.reshape(dy as tf.Tensor, expanded), reduceSize), x.shape) };
  },
};

let registered = false;

/** Replaces the gradients above for every backend (once per process). */
export function registerProjectGradients(): void {
  if (registered) return;
  tf.registerGradient(meanGrad);
  registered = true;
}
