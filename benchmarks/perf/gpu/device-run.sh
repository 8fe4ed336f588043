#!/usr/bin/env bash
# Runs on the GPU machine, from the project checkout, with the payload of make-payload.sh:
#   bash <payload>/device-run.sh        (JSON and logs in $OUT/gpu-results.tgz: one file, since the
#                                        device tool returns only a few files per call)
# Order: correctness first (the fused WGSL updates against the unfused ops), then PyTorch CUDA,
# the step benchmark (webgpu and blas, pinned and GPU-sized models), the tuning diagnosis, what
# auto picks, and one real trial. Each part has its own time limit; a part that fails or runs
# out of time leaves the others' results.
set -u
P=$(cd "$(dirname "$0")" && pwd)
FINAL=${OUT:-/tmp/reprobench-gpu-out}
O=$(mktemp -d)
mkdir -p "$FINAL" /tmp/p/lib "$P/dist/linux-x64"
if [ "${LOCAL_TEST:-0}" != 1 ]; then
  for f in "$P"/gl/*.deb; do dpkg -x "$f" /; done
  ldconfig
  icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
  [ -f "$icd" ] && export VK_DRIVER_FILES=$icd
fi
export XDG_RUNTIME_DIR=/tmp REPROBENCH_CACHE=/tmp/reprobench-cache
xz -dc "$P/node.xz" > /tmp/p/node && chmod +x /tmp/p/node
xz -dc "$P/dawn.node.xz" > "$P/dist/linux-x64/dawn.node"
for l in "$P"/lib/*.xz; do xz -dc "$l" > "/tmp/p/lib/$(basename "$l" .xz)"; done
export LD_LIBRARY_PATH=/tmp/p/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
{ date -u; uptime; nproc; lscpu | grep -E 'Model name|^CPU\(s\)'; nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv; } > "$O/machine.txt" 2>&1
part() {  # part <name> <seconds> <command...>
  local name=$1 limit=$2; shift 2
  local t0=$SECONDS
  timeout "$limit" "$@" > "$O/$name.json" 2> "$O/$name.log"
  echo "$name rc=$? ${SECONDS}s total, $((SECONDS - t0))s" >> "$O/status.txt"
}
node=/tmp/p/node
part check "${T_CHECK:-45}" $node "$P/run.mjs" check
part torch "${T_TORCH:-70}" env ROUNDS="${ROUNDS:-3}" python3 "$P/py/gpu/torch_cuda.py"
part steps "${T_STEPS:-120}" env ROUNDS="${ROUNDS:-3}" SECONDS=1 $node "$P/run.mjs" steps
[ "${SKIP_DIAG:-0}" = 1 ] || part diag "${T_DIAG:-80}" $node "$P/run.mjs" diag
part auto-mlp "${T_AUTO:-25}" env MODELS=mlp $node "$P/run.mjs" auto
part auto-mlp-large "${T_AUTO:-25}" env MODELS=mlp-large $node "$P/run.mjs" auto
part trial "${T_TRIAL:-25}" $node "$P/run.mjs" trial
cat "$O/status.txt"
tar czf "$FINAL/gpu-results.tgz" -C "$O" .
