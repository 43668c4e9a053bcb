import { apkSecdbProvider, CHAINGUARD_FEED } from './wolfi.js';

/**
 * Chainguard's secdb (`packages.cgr.dev/chainguard/security.json`), ecosystem `Chainguard`. Chainguard's OSV
 * feed (`CGA-…` records, already in ecosystem `Chainguard`) imports through `osv-local` / an OSV URL instead.
 */
export const chainguardProvider = apkSecdbProvider(CHAINGUARD_FEED);
