// Shared by the project's WebAssembly kernels (gemm.c, updates.c, elementwise.c), built together
// into native/wasm/reprobench_kernels.wasm by native/wasm/build.mjs (clang, wasm32, SIMD128).
//
// The module imports the tfjs wasm module's memory, so every pointer is a byte offset in that
// heap: kernels read tfjs tensors and write tfjs tensors in place, with no copies. It has no data
// segment and never touches the C stack (build.mjs checks the disassembly; a test runs every
// kernel in a sentinel-filled memory and finds no byte changed outside its outputs and scratch),
// so it cannot write anywhere but the buffers it is given.
//
// Numerics: plain SIMD128, no relaxed SIMD, -ffp-contract=off: no fused multiply-add, so every
// product and every sum is rounded to float32 on its own, identically on every machine and engine.
#ifndef REPROBENCH_KERNELS_H
#define REPROBENCH_KERNELS_H

#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))

typedef unsigned long size_t;

#endif
