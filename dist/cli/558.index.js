export const id = 558;
export const ids = [558];
export const modules = {

/***/ 89041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TM: () => (/* binding */ applyDelta),
/* harmony export */   Zz: () => (/* binding */ gatingDecision)
/* harmony export */ });
/* unused harmony export newOnlyDecision */
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(79733);
/**
 * The delta of a scan against its baseline: every finding and fired trigger marked `new` or `existing`, what the
 * baseline had and the scan lacks listed apart as `fixed`, and the decision of the new triggers alone. Pure.
 */

const RANK = { GO: 0, WARN: 1, STOP: 2 };
function worst(decisions) {
    let out = 'GO';
    for (const d of decisions)
        if (RANK[d] > RANK[out])
            out = d;
    return out;
}
const decisionOfAction = (a) => (a === 'stop' ? 'STOP' : a === 'warn' ? 'WARN' : 'GO');
function keySet(lists) {
    const out = new Set();
    for (const keys of lists)
        for (const k of keys)
            out.add(k);
    return out;
}
const hasAny = (set, keys) => keys.some((k) => set.has(k));
/**
 * The decision of the new triggers only. The image deny list still stops (unless the baseline was denied too: then
 * it is not new), the image allow list still passes, and an image no mapping selects is GO, as in the full decision.
 */
function newOnlyDecision(current, baseline, triggers) {
    const reason = current.policy?.final_action_reason;
    if (reason === 'allowlisted')
        return 'GO';
    if (reason === 'denylisted' && baseline.policy?.final_action_reason !== 'denylisted')
        return 'STOP';
    return worst(triggers.filter((t) => t.baseline === 'new').map((t) => decisionOfAction(t.action)));
}
/** The scan report with its findings and triggers marked against `baseline`, and `report.baseline` set. */
function applyDelta(current, baseline, from, failScope) {
    const baseFindings = keySet(baseline.findings.map(_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .findingKeys */ .ux));
    const nowFindings = keySet(current.findings.map(_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .findingKeys */ .ux));
    const findings = current.findings.map((f) => ({ ...f, baseline: hasAny(baseFindings, (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .findingKeys */ .ux)(f)) ? 'existing' : 'new' }));
    const fixedFindings = baseline.findings.filter((f) => !hasAny(nowFindings, (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .findingKeys */ .ux)(f))).map((f) => ({ ...f, baseline: 'fixed' }));
    const baseIndex = (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .findingsByTriggerId */ .TS)(baseline.findings);
    const nowIndex = (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .findingsByTriggerId */ .TS)(current.findings);
    const baseTriggers = keySet((baseline.policy?.findings ?? []).map((p) => (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .triggerKeys */ .fQ)(p, baseIndex)));
    const nowTriggers = keySet((current.policy?.findings ?? []).map((p) => (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .triggerKeys */ .fQ)(p, nowIndex)));
    const triggers = (current.policy?.findings ?? []).map((p) => ({ ...p, baseline: hasAny(baseTriggers, (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .triggerKeys */ .fQ)(p, nowIndex)) ? 'existing' : 'new' }));
    const fixedTriggers = (baseline.policy?.findings ?? []).filter((p) => !hasAny(nowTriggers, (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .triggerKeys */ .fQ)(p, baseIndex))).map((p) => ({ ...p, baseline: 'fixed' }));
    const fresh = triggers.filter((t) => t.baseline === 'new');
    const summary = {
        source: from.source,
        kind: from.kind,
        image: { reference: baseline.image.reference, ...(baseline.image.manifestDigest ? { manifestDigest: baseline.image.manifestDigest } : {}), repoTags: baseline.image.repoTags },
        createdAt: baseline.createdAt,
        decision: baseline.decision,
        newDecision: newOnlyDecision(current, baseline, triggers),
        failScope,
        counts: {
            findings: { new: findings.filter((f) => f.baseline === 'new').length, existing: findings.filter((f) => f.baseline === 'existing').length, fixed: fixedFindings.length },
            triggers: {
                new: fresh.length,
                existing: triggers.length - fresh.length,
                fixed: fixedTriggers.length,
                newStop: fresh.filter((t) => t.action === 'stop').length,
                newWarn: fresh.filter((t) => t.action === 'warn').length,
            },
        },
        fixed: { findings: fixedFindings, triggers: fixedTriggers },
    };
    return { ...current, findings, ...(current.policy ? { policy: { ...current.policy, findings: triggers } } : {}), baseline: summary };
}
/** The decision the exit code is taken from: the new-only one under `--fail-scope new`, the full one otherwise. */
function gatingDecision(report) {
    return report.baseline?.failScope === 'new' ? report.baseline.newDecision : report.decision;
}


/***/ }),

/***/ 72116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Yy: () => (/* binding */ BUNDLED_POLICIES),
  nZ: () => (/* binding */ resolvePolicy)
});

// UNUSED EXPORTS: bundledPolicy

;// CONCATENATED MODULE: ./policies/default.json
const default_namespaceObject = /*#__PURE__*/JSON.parse('{"id":"2c53a13c-1765-11e8-82ef-23527761d060","version":"1_0","name":"Default bundle","comment":"Anchore Engine\'s default bundle behaviour: medium vulnerabilities WARN, high and critical STOP, port 22 exposed STOP, no HEALTHCHECK WARN, stale or missing vulnerability data WARN.","whitelisted_images":[],"blacklisted_images":[],"mappings":[{"id":"2c53a13c-1765-11e8-82ef-23527761d060-mapping","name":"default","registry":"*","repository":"*","image":{"type":"tag","value":"*"},"policy_ids":["48e6f7d6-1765-11e8-b5f9-8b6f228548b6"],"whitelist_ids":["37fd763e-1765-11e8-add4-3b16c029ac5c"]}],"whitelists":[{"id":"37fd763e-1765-11e8-add4-3b16c029ac5c","name":"Global Whitelist","version":"1_0","items":[]}],"policies":[{"id":"48e6f7d6-1765-11e8-b5f9-8b6f228548b6","name":"DefaultPolicy","version":"1_0","comment":"Anchore Engine\'s default bundle behaviour: medium vulnerabilities WARN, high and critical STOP, port 22 exposed STOP, no HEALTHCHECK WARN, stale or missing vulnerability data WARN.","rules":[{"id":"ce7b8000-829b-4c27-8122-69cd59018400","gate":"dockerfile","trigger":"exposed_ports","action":"STOP","params":[{"name":"ports","value":"22"},{"name":"type","value":"blacklist"}]},{"id":"312d9e41-1c05-4e2f-ad89-b7d34b0855bb","gate":"dockerfile","trigger":"instruction","action":"WARN","params":[{"name":"instruction","value":"HEALTHCHECK"},{"name":"check","value":"not_exists"}]},{"id":"6b5c14e7-a6f7-48cc-99d2-959273a2c6fa","gate":"vulnerabilities","trigger":"stale_feed_data","action":"WARN","params":[{"name":"max_days_since_sync","value":"2"}]},{"id":"3e79ea94-18c4-4d26-9e29-3b9172a62c2e","gate":"vulnerabilities","trigger":"vulnerability_data_unavailable","action":"WARN","params":[]},{"id":"6063fdde-b1c5-46af-973a-915739451ac4","gate":"vulnerabilities","trigger":"package","action":"WARN","params":[{"name":"package_type","value":"all"},{"name":"severity_comparison","value":"="},{"name":"severity","value":"medium"}]},{"id":"b30e8abc-444f-45b1-8a37-55be1b8c8bb5","gate":"vulnerabilities","trigger":"package","action":"STOP","params":[{"name":"package_type","value":"all"},{"name":"severity_comparison","value":">"},{"name":"severity","value":"medium"}]},{"id":"catalog-incomplete","gate":"packages","trigger":"catalog_incomplete","action":"WARN","params":[]}]}]}');
;// CONCATENATED MODULE: ./policies/dockerfile-best-practices.json
const dockerfile_best_practices_namespaceObject = /*#__PURE__*/JSON.parse('{"id":"portcullis-dockerfile-best-practices","version":"1_0","name":"Dockerfile best practices (CIS Docker Benchmark section 4)","comment":"The CIS Docker Benchmark 4.x items that can be checked from the image or its Dockerfile. With no Dockerfile given, the Dockerfile is reconstructed from the image history.","whitelisted_images":[],"blacklisted_images":[],"mappings":[{"id":"portcullis-dockerfile-best-practices-mapping","name":"default","registry":"*","repository":"*","image":{"type":"tag","value":"*"},"policy_ids":["cis-docker-4"],"whitelist_ids":["portcullis-dockerfile-best-practices-allowlist"]}],"whitelists":[{"id":"portcullis-dockerfile-best-practices-allowlist","name":"Allowlist","version":"1_0","items":[]}],"policies":[{"id":"cis-docker-4","name":"CIS Docker Benchmark 4","version":"1_0","comment":"The CIS Docker Benchmark 4.x items that can be checked from the image or its Dockerfile. With no Dockerfile given, the Dockerfile is reconstructed from the image history.","rules":[{"id":"cis-4.1-non-root-user","gate":"dockerfile","trigger":"effective_user","action":"STOP","params":[{"name":"users","value":"root,0"},{"name":"type","value":"blacklist"}]},{"id":"cis-4.6-healthcheck","gate":"dockerfile","trigger":"instruction","action":"WARN","params":[{"name":"instruction","value":"HEALTHCHECK"},{"name":"check","value":"not_exists"}]},{"id":"cis-4.7-update-alone","gate":"dockerfile","trigger":"instruction","action":"WARN","params":[{"name":"instruction","value":"RUN"},{"name":"check","value":"like"},{"name":"value","value":"^\\\\s*(apt-get|apt|yum|dnf|apk)\\\\s+(-\\\\S+\\\\s+)*(update|upgrade)\\\\s*$"}]},{"id":"cis-4.8-setuid-files","gate":"files","trigger":"suid_or_guid_set","action":"WARN","params":[]},{"id":"cis-4.9-copy-not-add","gate":"dockerfile","trigger":"instruction","action":"WARN","params":[{"name":"instruction","value":"ADD"},{"name":"check","value":"exists"}]},{"id":"cis-4.9-add-from-url","gate":"dockerfile","trigger":"instruction","action":"STOP","params":[{"name":"instruction","value":"ADD"},{"name":"check","value":"like"},{"name":"value","value":"(--\\\\S+\\\\s+)*https?://.*"}]},{"id":"cis-4.10-secret-in-env","gate":"dockerfile","trigger":"instruction","action":"STOP","params":[{"name":"instruction","value":"ENV"},{"name":"check","value":"like"},{"name":"value","value":"(?i).*\\\\b\\\\w*(password|passwd|secret|token|api_?key|private_?key|access_?key)\\\\w*\\\\s*[= ]\\\\s*\\\\S+.*"}]},{"id":"cis-4.10-secret-in-arg","gate":"dockerfile","trigger":"instruction","action":"STOP","params":[{"name":"instruction","value":"ARG"},{"name":"check","value":"like"},{"name":"value","value":"(?i).*\\\\b\\\\w*(password|passwd|secret|token|api_?key|private_?key|access_?key)\\\\w*\\\\s*[= ]\\\\s*\\\\S+.*"}]},{"id":"no-sudo-in-run","gate":"dockerfile","trigger":"instruction","action":"WARN","params":[{"name":"instruction","value":"RUN"},{"name":"check","value":"like"},{"name":"value","value":".*\\\\bsudo\\\\b.*"}]},{"id":"no-sudo-package","gate":"packages","trigger":"blacklist","action":"WARN","params":[{"name":"name","value":"sudo"}]},{"id":"pinned-base-image","gate":"dockerfile","trigger":"instruction","action":"WARN","params":[{"name":"actual_dockerfile_only","value":"true"},{"name":"instruction","value":"FROM"},{"name":"check","value":"like"},{"name":"value","value":"^(--\\\\S+\\\\s+)*(\\\\S*/)?[^:/@\\\\s]+(:latest)?(\\\\s.*)?$"}]},{"id":"no-ssh-port","gate":"dockerfile","trigger":"exposed_ports","action":"STOP","params":[{"name":"ports","value":"22"},{"name":"type","value":"blacklist"}]},{"id":"no-ssh-server","gate":"packages","trigger":"blacklist","action":"STOP","params":[{"name":"name","value":"openssh-server"}]},{"id":"dockerfile-given","gate":"dockerfile","trigger":"no_dockerfile_provided","action":"GO","params":[]}]}]}');
;// CONCATENATED MODULE: ./policies/licenses.json
const licenses_namespaceObject = /*#__PURE__*/JSON.parse('{"id":"portcullis-licenses","version":"1_0","name":"Licenses: deny copyleft","comment":"An example licence policy that denies strong copyleft (GPL, AGPL, SSPL and friends) and warns on weak copyleft (LGPL, MPL, EPL). Suited to application images you distribute; an OS base image (Debian, Ubuntu) is full of GPL packages and will STOP.","whitelisted_images":[],"blacklisted_images":[],"mappings":[{"id":"portcullis-licenses-mapping","name":"default","registry":"*","repository":"*","image":{"type":"tag","value":"*"},"policy_ids":["licenses"],"whitelist_ids":["portcullis-licenses-allowlist"]}],"whitelists":[{"id":"portcullis-licenses-allowlist","name":"Allowlist","version":"1_0","items":[]}],"policies":[{"id":"licenses","name":"Deny copyleft","version":"1_0","comment":"An example licence policy that denies strong copyleft (GPL, AGPL, SSPL and friends) and warns on weak copyleft (LGPL, MPL, EPL). Suited to application images you distribute; an OS base image (Debian, Ubuntu) is full of GPL packages and will STOP.","rules":[{"id":"network-copyleft","gate":"licenses","trigger":"blacklist_partial_match","action":"STOP","params":[{"name":"licenses","value":"AGPL,SSPL"}]},{"id":"strong-copyleft","gate":"licenses","trigger":"blacklist_exact_match","action":"STOP","params":[{"name":"licenses","value":"GPL-1.0-only,GPL-1.0-or-later,GPL-2.0,GPL-2.0-only,GPL-2.0-or-later,GPL-3.0,GPL-3.0-only,GPL-3.0-or-later,GPL-2,GPL-2+,GPL-3,GPL-3+,GPLv2,GPLv2+,GPLv3,GPLv3+,EUPL-1.1,EUPL-1.2,OSL-3.0"},{"name":"match_spdx","value":"true"}]},{"id":"weak-copyleft","gate":"licenses","trigger":"blacklist_partial_match","action":"WARN","params":[{"name":"licenses","value":"LGPL,MPL,EPL,CDDL"}]}]}]}');
;// CONCATENATED MODULE: ./policies/secrets.json
const secrets_namespaceObject = /*#__PURE__*/JSON.parse('{"id":"portcullis-secrets","version":"1_0","name":"Secrets","comment":"Stops images that carry credentials: secret patterns in file contents, credential files by name, and secrets in ENV or ARG.","whitelisted_images":[],"blacklisted_images":[],"mappings":[{"id":"portcullis-secrets-mapping","name":"default","registry":"*","repository":"*","image":{"type":"tag","value":"*"},"policy_ids":["secrets"],"whitelist_ids":["portcullis-secrets-allowlist"]}],"whitelists":[{"id":"portcullis-secrets-allowlist","name":"Allowlist","version":"1_0","items":[]}],"policies":[{"id":"secrets","name":"Secrets","version":"1_0","comment":"Stops images that carry credentials: secret patterns in file contents, credential files by name, and secrets in ENV or ARG.","rules":[{"id":"secret-content","gate":"secret_scans","trigger":"content_regex_checks","action":"STOP","params":[]},{"id":"ssh-private-key-file","gate":"files","trigger":"name_match","action":"STOP","params":[{"name":"regex","value":".*/\\\\.ssh/id_[a-z0-9]+$"}]},{"id":"cloud-credential-file","gate":"files","trigger":"name_match","action":"STOP","params":[{"name":"regex","value":".*/(\\\\.aws/credentials|\\\\.git-credentials|\\\\.config/gcloud/credentials\\\\.db|\\\\.azure/accessTokens\\\\.json)$"}]},{"id":"registry-auth-file","gate":"files","trigger":"name_match","action":"WARN","params":[{"name":"regex","value":".*/(\\\\.docker/config\\\\.json|\\\\.npmrc|\\\\.pypirc|\\\\.netrc)$"}]},{"id":"key-store-file","gate":"files","trigger":"name_match","action":"WARN","params":[{"name":"regex","value":".*\\\\.(key|p12|pfx|jks|keystore)$"}]},{"id":"dotenv-file","gate":"files","trigger":"name_match","action":"WARN","params":[{"name":"regex","value":".*/\\\\.env$"}]},{"id":"secret-in-env","gate":"dockerfile","trigger":"instruction","action":"STOP","params":[{"name":"instruction","value":"ENV"},{"name":"check","value":"like"},{"name":"value","value":"(?i).*\\\\b\\\\w*(password|passwd|secret|token|api_?key|private_?key|access_?key)\\\\w*\\\\s*[= ]\\\\s*\\\\S+.*"}]},{"id":"secret-in-arg","gate":"dockerfile","trigger":"instruction","action":"STOP","params":[{"name":"instruction","value":"ARG"},{"name":"check","value":"like"},{"name":"value","value":"(?i).*\\\\b\\\\w*(password|passwd|secret|token|api_?key|private_?key|access_?key)\\\\w*\\\\s*[= ]\\\\s*\\\\S+.*"}]}]}]}');
;// CONCATENATED MODULE: ./policies/strict.json
const strict_namespaceObject = /*#__PURE__*/JSON.parse('{"id":"portcullis-strict","version":"1_0","name":"Strict","comment":"For production images: every fixable vulnerability of medium or higher severity, any high or critical one, secrets, a root user, port 22 and stale vulnerability data STOP.","whitelisted_images":[],"blacklisted_images":[],"mappings":[{"id":"portcullis-strict-mapping","name":"default","registry":"*","repository":"*","image":{"type":"tag","value":"*"},"policy_ids":["strict"],"whitelist_ids":["portcullis-strict-allowlist"]}],"whitelists":[{"id":"portcullis-strict-allowlist","name":"Allowlist","version":"1_0","items":[]}],"policies":[{"id":"strict","name":"Strict","version":"1_0","comment":"For production images: every fixable vulnerability of medium or higher severity, any high or critical one, secrets, a root user, port 22 and stale vulnerability data STOP.","rules":[{"id":"vuln-high-critical","gate":"vulnerabilities","trigger":"package","action":"STOP","params":[{"name":"package_type","value":"all"},{"name":"severity_comparison","value":">="},{"name":"severity","value":"high"}]},{"id":"vuln-medium-fixable","gate":"vulnerabilities","trigger":"package","action":"STOP","params":[{"name":"package_type","value":"all"},{"name":"severity_comparison","value":"="},{"name":"severity","value":"medium"},{"name":"fix_available","value":"true"}]},{"id":"vuln-medium","gate":"vulnerabilities","trigger":"package","action":"WARN","params":[{"name":"package_type","value":"all"},{"name":"severity_comparison","value":"="},{"name":"severity","value":"medium"},{"name":"fix_available","value":"false"}]},{"id":"vuln-low","gate":"vulnerabilities","trigger":"package","action":"WARN","params":[{"name":"package_type","value":"all"},{"name":"severity_comparison","value":"="},{"name":"severity","value":"low"},{"name":"fix_available","value":"true"}]},{"id":"vuln-data-stale","gate":"vulnerabilities","trigger":"stale_feed_data","action":"STOP","params":[{"name":"max_days_since_sync","value":"1"}]},{"id":"vuln-data-missing","gate":"vulnerabilities","trigger":"vulnerability_data_unavailable","action":"STOP","params":[]},{"id":"root-user","gate":"dockerfile","trigger":"effective_user","action":"STOP","params":[{"name":"users","value":"root,0"},{"name":"type","value":"blacklist"}]},{"id":"ssh-port","gate":"dockerfile","trigger":"exposed_ports","action":"STOP","params":[{"name":"ports","value":"22"},{"name":"type","value":"blacklist"}]},{"id":"no-healthcheck","gate":"dockerfile","trigger":"instruction","action":"WARN","params":[{"name":"instruction","value":"HEALTHCHECK"},{"name":"check","value":"not_exists"}]},{"id":"secret-env","gate":"dockerfile","trigger":"instruction","action":"STOP","params":[{"name":"instruction","value":"ENV"},{"name":"check","value":"like"},{"name":"value","value":"(?i).*\\\\b\\\\w*(password|passwd|secret|token|api_?key|private_?key|access_?key)\\\\w*\\\\s*[= ]\\\\s*\\\\S+.*"}]},{"id":"secrets","gate":"secret_scans","trigger":"content_regex_checks","action":"STOP","params":[]},{"id":"ssh-server","gate":"packages","trigger":"blacklist","action":"STOP","params":[{"name":"name","value":"openssh-server"}]},{"id":"telnetd","gate":"packages","trigger":"blacklist","action":"STOP","params":[{"name":"name","value":"telnetd"}]},{"id":"catalog-incomplete","gate":"packages","trigger":"catalog_incomplete","action":"STOP","params":[]},{"id":"suid-files","gate":"files","trigger":"suid_or_guid_set","action":"WARN","params":[]}]}]}');
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/policy/bundle.ts + 1 modules
var bundle = __webpack_require__(45566);
;// CONCATENATED MODULE: ./src/policy/bundled.ts







/** The bundles in `policies/`, embedded (so they ship inside the built action), by name. */
const BUNDLED_POLICIES = {
    default: default_namespaceObject,
    strict: strict_namespaceObject,
    'dockerfile-best-practices': dockerfile_best_practices_namespaceObject,
    secrets: secrets_namespaceObject,
    licenses: licenses_namespaceObject,
};
/** A bundled policy by name (`default`, `strict`, …). */
function bundledPolicy(name) {
    const doc = BUNDLED_POLICIES[name];
    if (!doc)
        throw new errors/* ConfigurationError */.j1(`unknown bundled policy "${name}"; bundled: ${Object.keys(BUNDLED_POLICIES).join(', ')}`);
    return (0,bundle/* buildBundle */.bS)(structuredClone(doc), `policies/${name}.json`);
}
/**
 * The `--policy` value: a bundled policy name, or a file (JSON or YAML). Without one, the default bundle, which
 * behaves as Anchore Engine's default.
 */
async function resolvePolicy(value) {
    if (value === undefined || value === '')
        return bundledPolicy('default');
    if (Object.hasOwn(BUNDLED_POLICIES, value))
        return bundledPolicy(value);
    return (0,bundle/* loadBundleFile */.Du)(value);
}


/***/ }),

/***/ 6563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ matchesPattern),
/* harmony export */   ko: () => (/* binding */ selects)
/* harmony export */ });
/* unused harmony export parseImageTag */
/* harmony import */ var _params_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76734);

function parseImageTag(input) {
    let s = input.trim();
    if (s.startsWith('dockerhub/'))
        s = `docker.io/${s.slice('dockerhub/'.length)}`;
    let digest;
    const at = s.indexOf('@');
    if (at >= 0) {
        digest = s.slice(at + 1);
        s = s.slice(0, at);
    }
    let registry = 'docker.io';
    const slash = s.indexOf('/');
    if (slash > 0) {
        const first = s.slice(0, slash);
        if (first.includes('.') || first.includes(':') || first === 'localhost') {
            registry = first;
            s = s.slice(slash + 1);
        }
    }
    let tag = 'latest';
    const colon = s.lastIndexOf(':');
    if (colon > s.lastIndexOf('/')) {
        tag = s.slice(colon + 1);
        s = s.slice(0, colon);
    }
    else if (digest)
        tag = '';
    return { registry, repository: s, tag, ...(digest ? { digest } : {}) };
}
/**
 * Anchore's pattern matching for mappings, image lists and allowlist trigger ids: a `regexp:` prefix gives a raw
 * regex (matched from the start, as Python's `re.match`); otherwise `*` matches anything and every other character
 * is literal, anchored at both ends.
 */
function matchesPattern(pattern, value) {
    if (pattern.startsWith('regexp:'))
        return (0,_params_js__WEBPACK_IMPORTED_MODULE_0__/* .reMatch */ .$D)(pattern.slice('regexp:'.length), value);
    if (!pattern.includes('*'))
        return pattern === value;
    const re = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`, 's');
    return re.test(value);
}
/** Does an image selection rule (or mapping) select this image? Digest and id rules compare exactly. */
function selects(rule, target) {
    const t = parseImageTag(target.tag);
    if (!matchesPattern(rule.registry, t.registry) || !matchesPattern(rule.repository, t.repository))
        return false;
    switch (rule.image.type) {
        case 'tag':
            return matchesPattern(rule.image.value, t.tag);
        case 'digest':
            return sameDigest(rule.image.value, target.digest ?? t.digest);
        case 'id':
            return sameDigest(rule.image.value, target.imageId);
    }
}
function sameDigest(want, have) {
    if (!have)
        return false;
    const strip = (d) => d.replace(/^sha256:/, '');
    return strip(want) === strip(have);
}
function escapeRegex(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


/***/ }),

/***/ 41558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runScan: () => (/* binding */ runScan),
  targetTag: () => (/* binding */ targetTag)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/catalog/run.ts + 33 modules
var run = __webpack_require__(33338);
// EXTERNAL MODULE: ./src/image/open.ts + 22 modules
var image_open = __webpack_require__(21321);
// EXTERNAL MODULE: ./src/output/list.ts + 9 modules
var list = __webpack_require__(6557);
// EXTERNAL MODULE: ./src/policy/bundled.ts + 5 modules
var bundled = __webpack_require__(72116);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/policy/gate.ts
var policy_gate = __webpack_require__(55375);
// EXTERNAL MODULE: ./src/policy/gates/list.ts + 16 modules
var gates_list = __webpack_require__(79975);
// EXTERNAL MODULE: ./src/policy/match.ts
var match = __webpack_require__(6563);
;// CONCATENATED MODULE: ./src/policy/model.ts
/** STOP beats WARN beats GO (Anchore's GateAction ordering STOP < WARN < GO, the minimum wins). */
const ACTION_RANK = { stop: -1, warn: 0, go: 1 };
function worstAction(actions) {
    let worst = 'go';
    for (const a of actions)
        if (ACTION_RANK[a] < ACTION_RANK[worst])
            worst = a;
    return worst;
}

;// CONCATENATED MODULE: ./src/policy/evaluate.ts





/** Anchore's default trigger id: md5 of gate name + trigger name + message, no separators, hex. */
function md5TriggerId(gate, trigger, message) {
    return (0,external_node_crypto_.createHash)('md5').update(gate + trigger + message).digest('hex');
}
/**
 * Evaluates a loaded bundle for one image (reference §1.6): the first matching mapping's rule sets run to
 * completion; allowlists turn matches into `go`; the worst remaining action wins; then an image deny beats an
 * image allow, which beats the policy result.
 */
function evaluatePolicy(bundle, ctx, target) {
    const problems = [];
    const mapping = bundle.mappings.find((m) => (0,match/* selects */.ko)(m, target));
    const findings = [];
    if (!mapping) {
        problems.push({
            severity: 'warn',
            problem_type: 'no_mapping',
            details: `no mapping of bundle ${bundle.id} matches ${target.tag}; no policy was evaluated and the result is GO`,
        });
    }
    else {
        const allowlists = mapping.allowlist_ids.map((id) => bundle.allowlists.find((a) => a.id === id));
        const active = activeItems(allowlists, ctx.now, problems);
        const warned = new Set();
        for (const rsId of mapping.rule_set_ids) {
            const ruleSet = bundle.rule_sets.find((r) => r.id === rsId);
            for (const rule of ruleSet.rules) {
                for (const f of runRule(rule, ctx, problems)) {
                    const hit = active.find(({ item }) => itemMatches(item, rule.gate, f.triggerId));
                    if (!hit)
                        warnBareIds(active, rule.gate, f.triggerId, warned, problems);
                    findings.push({
                        trigger_id: f.triggerId,
                        gate: rule.gate,
                        trigger: rule.trigger,
                        message: f.message,
                        action: hit ? 'go' : rule.action,
                        rule_action: rule.action,
                        policy_id: ruleSet.id,
                        rule_id: rule.id,
                        recommendation: rule.recommendation ?? '',
                        allowlisted: hit !== undefined,
                        ...(hit ? { allowlist_match: { id: hit.list.id, name: hit.list.name, matched_rule_id: hit.item.id } } : {}),
                        ...(f.location ? { location: f.location } : {}),
                    });
                }
            }
        }
    }
    const policyAction = worstAction(findings.map((f) => f.action));
    const denied = bundle.denylisted_images.find((r) => (0,match/* selects */.ko)(r, target));
    const allowed = denied ? undefined : bundle.allowlisted_images.find((r) => (0,match/* selects */.ko)(r, target));
    const finalAction = denied ? 'stop' : allowed ? 'go' : policyAction;
    const reason = denied ? 'denylisted' : allowed ? 'allowlisted' : 'policy_evaluation';
    return {
        bundle_id: bundle.id,
        bundle_name: bundle.name,
        evaluated_tag: target.tag,
        ...(target.digest ? { image_digest: target.digest } : {}),
        ...(target.imageId ? { image_id: target.imageId } : {}),
        status: finalAction === 'stop' ? 'fail' : 'pass',
        final_action: finalAction,
        final_action_reason: reason,
        policy_action: policyAction,
        image_mapped_to_rule: mapping !== undefined,
        ...(mapping ? { matched_mapping_rule: mapping } : {}),
        image_allowlisted: allowed !== undefined,
        ...(allowed ? { matched_allowlisted_images_rule: allowed } : {}),
        image_denylisted: denied !== undefined,
        ...(denied ? { matched_denylisted_images_rule: denied } : {}),
        findings,
        number_of_findings: findings.length,
        evaluation_problems: problems,
        evaluation_time: ctx.now.toISOString(),
    };
}
function runRule(rule, ctx, problems) {
    const gate = (0,gates_list/* findGate */.Z)(rule.gate);
    const trigger = (0,policy_gate/* findTrigger */.Ob)(gate, rule.trigger);
    try {
        const fired = trigger.evaluate({
            ctx,
            params: rule.params,
            ruleId: rule.id,
            problem: (p) => problems.push({ severity: p.severity ?? 'warn', problem_type: p.problem_type, details: `${gate.name}/${trigger.name}${rule.id ? ` (rule ${rule.id})` : ''}: ${p.details}` }),
        });
        return fired.map((f) => ({ message: f.message, triggerId: f.triggerId ?? md5TriggerId(gate.name, trigger.name, f.message), ...(f.location ? { location: f.location } : {}) }));
    }
    catch (e) {
        // A trigger that cannot run must not pass silently: report it, and fire the rule with its own action.
        problems.push({ severity: 'error', problem_type: 'trigger_evaluation_error', details: `${gate.name}/${trigger.name}${rule.id ? ` (rule ${rule.id})` : ''}: ${e.message}` });
        const message = `Trigger could not be evaluated: ${e.message}`;
        return [{ message, triggerId: md5TriggerId(gate.name, trigger.name, message) }];
    }
}
function activeItems(lists, now, problems) {
    const out = [];
    for (const list of lists) {
        for (const item of list.items) {
            if (item.expires_on && now.getTime() >= item.expires_on.getTime()) {
                problems.push({
                    severity: 'warn',
                    problem_type: 'allowlist_item_expired',
                    details: `allowlist ${JSON.stringify(list.name)} item ${JSON.stringify(item.id)} (${item.gate} ${item.trigger_id}) expired on ${item.expires_on.toISOString()} and was ignored`,
                });
                continue;
            }
            out.push({ list, item });
        }
    }
    return out;
}
/**
 * An allowlist item matches when the gate names are equal (case-insensitive) and the trigger id is equal or
 * matches as a wildcard / `regexp:` pattern, and only then, as in Anchore Engine (anchore-engine
 * `policy/bundles.py` `ExecutableWhitelistItem.matches`): an item naming only a vulnerability (`CVE-2023-1234`)
 * does not match `CVE-2023-1234+openssl`; `CVE-2023-1234+*` does.
 */
function itemMatches(item, gate, triggerId) {
    if (item.gate.toLowerCase() !== gate.toLowerCase())
        return false;
    return (0,match/* matchesPattern */.MT)(item.trigger_id, triggerId);
}
/** A vulnerabilities item naming only a vulnerability that this finding has: it allowlists nothing, so say so once. */
function warnBareIds(active, gate, triggerId, warned, problems) {
    if (gate.toLowerCase() !== 'vulnerabilities')
        return;
    for (const { list, item } of active) {
        if (warned.has(item) || item.gate.toLowerCase() !== 'vulnerabilities')
            continue;
        const id = item.trigger_id;
        if (id.includes('+') || id.includes('*') || id.startsWith('regexp:') || !triggerId.startsWith(`${id}+`))
            continue;
        warned.add(item);
        problems.push({
            severity: 'warn',
            problem_type: 'allowlist_item_unmatched',
            details: `allowlist ${JSON.stringify(list.name)} item ${JSON.stringify(item.id)} (${item.gate} ${id}) names only a vulnerability; trigger ids are ${id}+<package>, so it allowlists nothing, as in Anchore Engine: write ${id}+* for every package`,
        });
    }
}
/** The `anchore-cli evaluate check --detail` table: Gate | Trigger | Detail | Status. */
function renderTable(evaluation) {
    const rows = evaluation.findings.map((f) => [f.gate, f.trigger, f.message, f.allowlist_match ? `allowlisted(${f.allowlist_match.name})` : f.action]);
    const header = ['Gate', 'Trigger', 'Detail', 'Status'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('   ').trimEnd();
    return [line(header), ...rows.map(line)].join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/policy/requests.ts


/** The file requests of every rule in the bundle, for the scan's single pass over the layers. */
function policyFileRequests(bundle) {
    const out = new Map();
    for (const rs of bundle.rule_sets) {
        for (const rule of rs.rules) {
            const gate = (0,gates_list/* findGate */.Z)(rule.gate);
            const trigger = gate && (0,policy_gate/* findTrigger */.Ob)(gate, rule.trigger);
            for (const req of trigger?.requests?.(rule.params) ?? []) {
                const prev = out.get(req.id);
                out.set(req.id, prev ? mergeRequests(prev, req) : req);
            }
        }
    }
    return [...out.values()];
}
function mergeRequests(a, b) {
    if (a.sink || b.sink || a.filter || b.filter)
        return a; // same id, same computed request
    return {
        id: a.id,
        paths: [...new Set([...(a.paths ?? []), ...(b.paths ?? [])])],
        globs: [...new Set([...(a.globs ?? []), ...(b.globs ?? [])])],
        ...(a.maxBytes !== undefined ? { maxBytes: a.maxBytes } : {}),
    };
}

// EXTERNAL MODULE: ./src/sbom/read.ts + 7 modules
var read = __webpack_require__(22138);
// EXTERNAL MODULE: ./src/version-info.ts
var version_info = __webpack_require__(7720);
// EXTERNAL MODULE: ./src/scan/config.ts
var scan_config = __webpack_require__(19087);
// EXTERNAL MODULE: ./src/baseline/delta.ts
var delta = __webpack_require__(89041);
// EXTERNAL MODULE: ./src/version/list.ts + 13 modules
var version_list = __webpack_require__(29561);
// EXTERNAL MODULE: ./src/output/formats/unknowns.ts
var formats_unknowns = __webpack_require__(84315);
;// CONCATENATED MODULE: ./src/scan/unknowns.ts

/**
 * What the scan says on stderr about its unknowns: one warning per package database that could not be read (its
 * packages are missing, so the policy's `packages/catalog_incomplete` trigger sees it too), and one summary line
 * for every unknown, by kind. The unknowns themselves are in every report.
 */
/** The unknowns that are package databases Portcullis could not read: the catalog is incomplete there. */
function catalogGapsOf(unknowns) {
    return unknowns.filter((u) => u.packageDatabase !== undefined);
}
function catalogGapWarnings(gaps) {
    return gaps.map((u) => `package database ${u.path ?? '(no path)'} (${u.packageDatabase}) could not be read: ${u.reason}; its packages are missing from the catalog`);
}

;// CONCATENATED MODULE: ./src/scan/pipeline.ts















/**
 * The whole pipeline: policy (loaded first, so a bad bundle fails before any work) → image (one pass, reading
 * what the catalogers and gates asked for) → catalog → vulnerabilities → Dockerfile mapping → policy → outputs
 * → the store push, when configured. Every report is written before the outcome is returned. No CI knowledge.
 */
async function runScan(config, deps) {
    const now = deps.now ?? (() => new Date());
    const cwd = deps.cwd ?? process.cwd();
    const at = (p) => ((0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.resolve)(cwd, p));
    const { logger } = deps;
    const outputs = deps.render === false ? [] : (0,list/* parseOutputSpecs */.L)(config.outputs.length ? config.outputs : ['table']);
    const policy = config.policyPath;
    const bundle = deps.bundle ?? (await (0,bundled/* resolvePolicy */.nZ)(policy && !Object.hasOwn(bundled/* BUNDLED_POLICIES */.Yy, policy) ? at(policy) : policy));
    const dockerfile = config.dockerfilePath ? await readDockerfile(at(config.dockerfilePath)) : undefined;
    // Modules a plain scan does not need are loaded only when their option is used (memory at every image size).
    const complianceInput = config.complianceSummaries || config.complianceStore ? await Promise.all(/* import() */[__webpack_require__.e(561), __webpack_require__.e(263)]).then(__webpack_require__.bind(__webpack_require__, 3263)) : undefined;
    const compliance = config.complianceSummaries ? await Promise.all(config.complianceSummaries.map((p) => complianceInput.readComplianceSummary(p, at(p)))) : undefined;
    // `sbom:PATH`: the packages come from an SBOM and there is no file view, so the file-based gates say they cannot check.
    let view;
    let image;
    let catalog;
    if (deps.sbom) {
        ({ image, catalog } = (0,read/* sbomInputOf */.Rw)(deps.sbom, config.image));
    }
    else if ((0,read/* isSbomReference */.HX)(config.image)) {
        ({ image, catalog } = await (0,read/* sbomInput */.OM)(at(config.image.slice(read/* SBOM_SCHEME */.cA.length)), config.image));
    }
    else {
        const catalogers = (0,run/* selectCatalogers */.Ap)('image');
        view = await (0,image_open/* loadImage */.yt)(config.image, {
            ...config.source,
            env: deps.env,
            logger,
            requests: [...(0,run/* catalogRequests */._z)(catalogers, { maxDatabaseBytes: config.maxDatabaseBytes ?? Math.max(run/* DEFAULT_MAX_DATABASE_BYTES */.B4, config.maxFileBytes ?? 0) }), ...policyFileRequests(bundle)],
            ...(config.maxFileBytes ? { maxFileBytes: config.maxFileBytes } : {}),
            ...(config.layerCache ? { layerCache: { cache: new (await __webpack_require__.e(/* import() */ 150).then(__webpack_require__.bind(__webpack_require__, 55769))).LayerCache(at(config.layerCache.dir), config.layerCache.maxBytes), salt: analysisSalt(catalogers) } } : {}),
            ...(deps.signal ? { signal: deps.signal } : {}),
        });
        image = view.metadata;
        logger.info(`read ${image.reference}: ${image.layers.length} layers, ${view.size} paths`);
        catalog = await (0,run/* runCatalogers */.X0)(view, { catalogers, logger, ...(deps.signal ? { signal: deps.signal } : {}) });
    }
    logger.info(`catalogued ${catalog.packages.length} packages${catalog.distro ? ` on ${catalog.distro.prettyName ?? catalog.distro.id}` : ''}`);
    const catalogGaps = catalogGapsOf(catalog.unknowns);
    for (const line of catalogGapWarnings(catalogGaps))
        logger.warning(line);
    const vulns = config.vulnerabilities.enabled
        ? await (deps.vulnerabilities ?? (await __webpack_require__.e(/* import() */ 731).then(__webpack_require__.bind(__webpack_require__, 58731))).vulnerabilityStage).run({ packages: catalog.packages, ...(catalog.distro ? { distro: catalog.distro } : {}), options: config.vulnerabilities, env: deps.env, logger, now: now(), ...(deps.signal ? { signal: deps.signal } : {}) })
        : undefined;
    const mapping = dockerfile ? (await __webpack_require__.e(/* import() */ 208).then(__webpack_require__.bind(__webpack_require__, 83208))).mapLayersToDockerfile(image.layers, image.config.history ?? [], dockerfile.text) : undefined;
    // A Dockerfile that does not fit the history maps nothing: findings keep their image paths rather than wrong lines.
    if (mapping && !mapping.fits)
        logger.warning(`${config.dockerfilePath}: ${mapping.mismatch}; findings are reported at their image paths`);
    const origins = mapping?.fits ? mapping.origins : undefined;
    const ctx = {
        image,
        ...(view ? { files: view } : {}),
        packages: catalog.packages,
        catalogGaps,
        findings: vulns?.findings ?? [],
        ...(catalog.distro ? { distro: catalog.distro } : {}),
        ...(vulns ? { vulnData: vulns.policyStatus } : {}),
        ...(dockerfile ? { dockerfile } : {}),
        ...(compliance || config.complianceStore
            ? { compliance: [...complianceInput.complianceFor(image, compliance ?? [], logger), ...(config.complianceStore ? await complianceInput.storedCompliance(config.complianceStore, image, logger, deps.signal) : [])] }
            : {}),
        now: now(),
        compareVersions: version_list/* compareForPackageType */.Xl,
    };
    const evaluation = evaluatePolicy(bundle, ctx, { tag: targetTag(image), ...(image.manifestDigest ? { digest: image.manifestDigest } : {}), imageId: image.configDigest });
    const decision = decisionOf(evaluation);
    // A package database over the cap is reported once, by its cataloger (with the package type), not also by the image.
    const gapPaths = new Set(catalogGaps.map((u) => u.path));
    const unknowns = [...(view?.unknowns ?? []).filter((u) => !(u.stage === 'image' && gapPaths.has(u.path))), ...catalog.unknowns, ...(vulns?.unknowns ?? [])];
    const summary = (0,formats_unknowns/* unknownsSummary */._)(unknowns);
    if (summary)
        logger.warning(summary);
    const built = buildReport({
        image,
        ...(catalog.distro ? { distro: catalog.distro } : {}),
        packages: catalog.packages,
        findings: vulns?.findings ?? [],
        unknowns,
        plugins: [...catalog.plugins, ...(vulns?.plugins ?? [])],
        ...(vulns ? { vulnerabilityData: vulns.status } : {}),
        policy: policyResult(evaluation),
        ...(dockerfile && origins ? { dockerfile: { path: config.dockerfilePath, origins } } : {}),
        decision,
        createdAt: now().toISOString(),
    });
    // --baseline (issue 18): mark what is new against a previous scan; an SBOM baseline is scanned with today's data.
    const { baseline: _baseline, store: _store, ...rescanConfig } = config;
    const { sbom: _sbom, ...rescanDeps } = deps;
    const report = !config.baseline ? built : await (await __webpack_require__.e(/* import() */ 321).then(__webpack_require__.bind(__webpack_require__, 6321))).applyBaseline(built, config.baseline, {
        logger,
        at,
        rescan: async (ref) => (await runScan({ ...rescanConfig, image: ref, outputs: [] }, { ...rescanDeps, render: false })).report,
        ...(deps.signal ? { signal: deps.signal } : {}),
    });
    const written = [];
    for (const spec of outputs) {
        const content = spec.format.render(report, {
            ...(config.severityCutoff ? { severityCutoff: config.severityCutoff } : {}),
            ...(config.onlyFixed ? { onlyFixed: true } : {}),
            ...(config.color !== undefined && spec.path === undefined ? { color: config.color } : {}),
            ...(config.width !== undefined && spec.path === undefined ? { width: config.width } : {}),
            workingDirectory: cwd,
            ...(config.checkoutRoot ? { checkoutRoot: at(config.checkoutRoot) } : {}),
        });
        if (spec.path !== undefined) {
            const path = at(spec.path);
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
            await (0,promises_.writeFile)(path, content);
            logger.info(`wrote ${spec.format.id} report to ${spec.path}`);
        }
        written.push({ format: spec.format.id, ...(spec.path !== undefined ? { path: at(spec.path) } : {}), content });
    }
    // `--fail-scope new`: the exit code from the new triggers' decision; the report's decision stays the full one.
    let outcome = (0,scan_config/* outcomeOf */.sG)((0,delta/* gatingDecision */.Zz)(report), config.failOn);
    const store = config.store ? await (await __webpack_require__.e(/* import() */ 561).then(__webpack_require__.bind(__webpack_require__, 65561))).pushEvaluation(config.store, report, at, logger, deps.signal) : undefined;
    // A failed push has been warned about; with failOnError it also fails a run that would pass (the caller says why).
    if (store && store.status !== 'pushed' && config.store?.failOnError && (outcome === 'go' || outcome === 'warn'))
        outcome = 'remote-error';
    return { report, outcome, written, ...(store ? { store } : {}) };
}
/** The layer cache's part of the analysis version that the requests do not show: the tool's and the catalogers' versions. */
function analysisSalt(catalogers) {
    return [`portcullis@${version_info/* VERSION */.x}`, ...catalogers.map((c) => `${c.id}@${c.version}`)].join(',');
}
async function readDockerfile(path) {
    try {
        return { text: await (0,promises_.readFile)(path, 'utf8'), path };
    }
    catch (e) {
        throw new errors/* ConfigurationError */.j1(`cannot read Dockerfile ${path}: ${(0,errors/* getErrorMessage */.u1)(e)}`, { cause: e });
    }
}
/** The tag a mapping rule sees: the image's own tag when it has one, else a name derived from the reference. */
function targetTag(image) {
    if (image.repoTags[0])
        return image.repoTags[0];
    const ref = image.reference.replace(/^[a-z-]+:/, '');
    if (image.source === 'registry' || image.source === 'docker')
        return ref.includes(':') || ref.includes('@') ? ref : `${ref}:latest`;
    const base = ref.split('/').filter(Boolean).pop() ?? 'image';
    const [name, tag] = base.split(':');
    return `localhost/${(name ?? 'image').toLowerCase().replace(/[^a-z0-9._-]/g, '-')}:${tag ?? 'latest'}`;
}
function decisionOf(e) {
    return e.final_action === 'stop' ? 'STOP' : e.final_action === 'warn' ? 'WARN' : 'GO';
}
function policyResult(e) {
    return {
        bundle_id: e.bundle_id,
        bundle_name: e.bundle_name,
        final_action: e.final_action,
        final_action_reason: e.final_action_reason,
        image_mapped_to_rule: e.image_mapped_to_rule,
        findings: e.findings,
        evaluation_problems: e.evaluation_problems,
        evaluation_time: e.evaluation_time,
    };
}
function buildReport(parts) {
    return { schemaVersion: '1', tool: { name: 'portcullis', version: version_info/* VERSION */.x }, ...parts };
}


/***/ })

};
