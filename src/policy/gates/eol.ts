/**
 * Anchore 1.x gate names that Anchore Engine knows as End-of-Lifed (reference §1.5). A bundle naming one is
 * rejected with a pointer to the gate that superseded it; `portcullis policy convert` migrates them.
 */
export interface EolGate {
  supersededBy?: string;
  triggers: readonly string[];
}

export const EOL_GATES: Readonly<Record<string, EolGate>> = {
  anchoresec: { supersededBy: 'vulnerabilities', triggers: ['vulnlow', 'vulnmedium', 'vulnhigh', 'vulncritical', 'vulnunknown', 'feedoutofdate', 'unsupporteddistro'] },
  dockerfilecheck: { supersededBy: 'dockerfile', triggers: ['directivecheck', 'effectiveuser', 'expose', 'nofrom', 'fromscratch', 'notag', 'sudo', 'volumepresent', 'nohealthcheck', 'nodockerfile'] },
  pkgblacklist: { supersededBy: 'packages', triggers: ['pkgfullmatch', 'pkgnamematch'] },
  pkgcheck: { supersededBy: 'packages', triggers: ['pkgnotpresent', 'verify'] },
  pkgdiff: { triggers: ['pkgversiondiff', 'pkgadd', 'pkgdel', 'pkgdiff'] },
  suiddiff: { triggers: ['suidmodediff', 'suidfileadd', 'suidfiledel', 'suiddiff'] },
  imagecheck: { triggers: ['baseoutofdate'] },
  filecheck: { supersededBy: 'files', triggers: ['contentmatch', 'filenamematch', 'suidsgidcheck'] },
  fileparse_passwd: { supersededBy: 'passwd_file', triggers: ['filenotstored', 'usernamematch', 'useridmatch', 'groupidmatch', 'shellmatch', 'pentrymatch'] },
  gemcheck: { supersededBy: 'ruby_gems', triggers: ['gemnotlatest', 'gemnotofficial', 'gembadversion', 'gempkgfullmatch', 'gempkgnamematch', 'gemnofeed'] },
  npmcheck: { supersededBy: 'npms', triggers: ['npmnotlatest', 'npmnotofficial', 'npmbadversion', 'npmpkgfullmatch', 'npmpkgnamematch', 'npmnofeed'] },
  licblacklist: { supersededBy: 'licenses', triggers: ['licfullmatch', 'licsubmatch'] },
  metadatacheck: { supersededBy: 'metadata', triggers: ['attributecheck'] },
  secretcheck: { supersededBy: 'secret_scans', triggers: ['contentmatch', 'filenamematch'] },
};
