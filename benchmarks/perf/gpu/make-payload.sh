#!/usr/bin/env bash
# Builds what the GPU machine needs into one folder (it has no Node.js and no network):
#   bash benchmarks/perf/gpu/make-payload.sh <dir>     (from the project root, after npm ci)
# <dir>/run.mjs (this benchmark bundled with esbuild), package.json (the bundle finds the package
# root by it), the project's wasm module and OpenBLAS addon, tfjs's wasm binaries, the Python
# peers, device-run.sh, and xz-compressed: Node itself, Dawn (npm `webgpu`), OpenBLAS and its
# Fortran runtime (for the `blas` rows), and Debian's Vulkan loader packages. About 40 MB.
set -euo pipefail
out=${1:?usage: make-payload.sh <dir>}
cd "$(dirname "$0")/../../.."
mkdir -p "$out/native/wasm" "$out/native/build" "$out/py/gpu" "$out/lib" "$out/gl"
npx esbuild benchmarks/perf/gpu/webgpu-steps.ts --bundle --platform=node --format=esm --log-level=warning \
  --outfile="$out/run.mjs" --banner:js="import { createRequire as __cr } from 'module'; import { fileURLToPath as __fu } from 'url'; \
import { dirname as __dn } from 'path'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __dn(__filename);"
cp package.json "$out/"
cp native/wasm/reprobench_kernels.wasm "$out/native/wasm/"
cp native/build/reprobench_blas.node "$out/native/build/"
cp node_modules/@tensorflow/tfjs-backend-wasm/wasm-out/*.wasm "$out/"
cp benchmarks/perf/torch_peer.py benchmarks/perf/torch_optimizers.py "$out/py/"
cp benchmarks/perf/gpu/torch_cuda.py "$out/py/gpu/"
cp benchmarks/perf/gpu/device-run.sh "$out/"
[ -f "$out/node.xz" ] || xz -T2 -6 -c "$(readlink -f "$(command -v node)")" > "$out/node.xz"
[ -f "$out/dawn.node.xz" ] || xz -T2 -6 -c node_modules/webgpu/dist/linux-x64/dawn.node > "$out/dawn.node.xz"
for lib in libopenblas.so.0 libgfortran.so.5 libquadmath.so.0; do
  path=$(ldd native/build/reprobench_blas.node | awk -v l="$lib" '$1 == l { print $3 }')
  [ -f "$out/lib/$lib.xz" ] || xz -T2 -6 -c "$(readlink -f "$path")" > "$out/lib/$lib.xz"
done
if ! ls "$out"/gl/libvulkan1_*.deb >/dev/null 2>&1; then
  o='-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=/tmp/reprobench-apt-amd64'
  mkdir -p /tmp/reprobench-apt-amd64/partial
  apt-get $o update -q >/dev/null
  (cd "$out/gl" && apt-get $o download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2 >/dev/null)
fi
du -sh "$out"
