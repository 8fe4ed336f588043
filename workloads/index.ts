import type { WorkloadDefinition } from '../harness/core/workload.js';
import { charLmContinual } from './char-lm/continual.js';
import { charLm } from './char-lm/workload.js';
import { fashionMnistRelabel } from './fashion-mnist/relabel.js';
import { fashionMnistMlp } from './fashion-mnist/workload.js';
import { inr1d } from './inr/workload.js';
import { linearTeacher } from './synthetic/linear-teacher.js';
import { modularAddition } from './synthetic/modular-addition.js';
import { polynomialRegression } from './synthetic/polynomial.js';
import { teacherStudent } from './synthetic/teacher-student.js';

/** The built-in workloads, registered by id. */
export const builtinWorkloads: WorkloadDefinition[] = [
  fashionMnistMlp,
  teacherStudent,
  polynomialRegression,
  charLm,
  modularAddition,
  linearTeacher,
  fashionMnistRelabel,
  inr1d,
  charLmContinual,
];
