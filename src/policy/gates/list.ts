import type { Gate } from '../gate.js';
import { alwaysGate } from './always/always.js';
import { complianceGate } from './compliance/compliance.js';
import { dockerfileGate } from './dockerfile/dockerfile.js';
import { filesGate } from './files/files.js';
import { licensesGate } from './licenses/licenses.js';
import { malwareGate } from './malware/malware.js';
import { metadataGate } from './metadata/metadata.js';
import { npmsGate } from './npms/npms.js';
import { packagesGate } from './packages/packages.js';
import { passwdFileGate } from './passwd-file/passwd-file.js';
import { retrievedFilesGate } from './retrieved-files/retrieved-files.js';
import { rubyGemsGate } from './ruby-gems/ruby-gems.js';
import { secretScansGate } from './secret-scans/secret-scans.js';
import { vulnerabilitiesGate } from './vulnerabilities/vulnerabilities.js';

/** Every gate of the engine, in Anchore's order. */
export const GATES: readonly Gate[] = [
  alwaysGate,
  dockerfileGate,
  filesGate,
  rubyGemsGate,
  metadataGate,
  licensesGate,
  malwareGate,
  npmsGate,
  packagesGate,
  passwdFileGate,
  retrievedFilesGate,
  secretScansGate,
  vulnerabilitiesGate,
  complianceGate,
];

/** Case-insensitive gate lookup. `gems` is accepted for `ruby_gems` (the name Anchore's EOL table uses). */
export function findGate(name: string): Gate | undefined {
  const n = name.toLowerCase();
  return GATES.find((g) => g.name === n) ?? (n === 'gems' ? rubyGemsGate : undefined);
}
