import type { ClaimDefinition } from '../../harness/core/claim.js';
import { adanClaim } from './adan.js';
import { frameworkParityClaim } from './framework-parity.js';

/** The shipped paper claims, registered by id. */
export const benchmarkClaims: ClaimDefinition[] = [adanClaim, frameworkParityClaim];
