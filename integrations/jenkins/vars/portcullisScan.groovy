// portcullisScan: the Portcullis image gate as a Jenkins pipeline step (a shared-library global variable).
//
// A thin wrapper: it builds one `portcullis scan` command line per image from named parameters, runs it on the agent
// with `sh returnStatus: true`, publishes the reports, and maps the exit codes to the build result:
//   0 GO    -> the build result is left alone
//   1 STOP  -> FAILURE (`error`); with failOn: 'warn' a WARN exits 1 too
//   2 WARN  -> UNSTABLE (`unstable`)
//   3 error -> FAILURE (`error`) with the CLI's own one-line message; with failOnError: false a warning in the log
// The scan itself, the policy and every report are the CLI's; nothing here interprets findings.
//
//   portcullisScan image: 'docker-archive:build/app.tar', dockerfile: 'Dockerfile', policy: '.portcullis/policy.json'
//
// The CLI runs in the Portcullis container image of this release (cliImage, with `docker run`), or from cliPath,
// installation, cliCommand, or the npm package at an exact version (npmVersion). Not getting it is exit 3 with a
// `portcullis: install error:` line, never a STOP.
//
// Jenkins runs the script as `sh -xe script.sh > log 2>&1`: the script below never lets -e end it before the CLI's
// output is out, and the CLI's stderr goes to the console as it is written (tee), and to a file for the error message.
//
// With storeUrl the CLI pushes the evaluation to a Portcullis store after writing the reports; the token comes from
// a Secret text credential (storeCredentialsId) bound to PORTCULLIS_STORE_TOKEN, never from the command line.

import groovy.transform.Field

/** Report formats the CLI writes, and the file each lands in under reportDir (the CLI's default file names). */
@Field static final Map<String, String> REPORT_FILES = [
  json     : 'portcullis-report.json',
  sarif    : 'portcullis.sarif',
  junit    : 'portcullis-junit.xml',
  cyclonedx: 'portcullis.cdx.json',
  spdx     : 'portcullis.spdx.json',
  gitlab   : 'gl-container-scanning-report.json',
  markdown : 'portcullis.md',
  table    : 'portcullis.txt',
].asImmutable()

/** The Markdown report is the build-page summary: archived with the others, linked from the build's artifacts. */
@Field static final List<String> DEFAULT_OUTPUTS = ['json', 'sarif', 'junit', 'cyclonedx', 'markdown'].asImmutable()

/** The Portcullis image of this release, built from the top-level Containerfile (pin it by digest with @sha256:...). */
@Field static final String DEFAULT_CLI_IMAGE = 'ghcr.io/OWNER/portcullis:0.1.0'

@Field static final Set<String> KNOWN_PARAMETERS = [
  'image', 'images', 'dockerfile', 'policy', 'failOn', 'failOnError', 'outputs', 'severityCutoff', 'onlyFixed',
  'platform', 'offline', 'dbUrl', 'dbCacheDir', 'layerCacheDir', 'layerCache', 'layerCacheMaxSize', 'ignoreFile',
  'baseline', 'failScope', 'baselineOptional', 'registryCredentialsId', 'cliImage', 'containerRuntime',
  'containerArgs', 'cliPath', 'cliCommand', 'installation', 'npmVersion', 'reportDir', 'extraArgs', 'publishJunit',
  'archiveReports', 'recordSarif', 'storeUrl', 'storeCredentialsId', 'storeFailOnError',
] as Set

/** What one entry of `images` may hold; every other setting is shared by all the images of the step. */
@Field static final Set<String> IMAGE_KEYS = ['image', 'dockerfile', 'platform', 'name'] as Set

/** Ways to get the CLI; at most one may be given (none: the container image). */
@Field static final List<String> CLI_SOURCES = ['cliImage', 'cliPath', 'cliCommand', 'installation', 'npmVersion'].asImmutable()

@Field static final String USERNAME_VARIABLE = 'PORTCULLIS_REGISTRY_USERNAME'
@Field static final String PASSWORD_VARIABLE = 'PORTCULLIS_REGISTRY_PASSWORD'
@Field static final String STORE_TOKEN_VARIABLE = 'PORTCULLIS_STORE_TOKEN'

/** Environment the CLI reads, handed into the container by name (`-e NAME`: the value never is on the command line). */
@Field static final List<String> CONTAINER_ENV = [
  'PORTCULLIS_REGISTRY_USERNAME', 'PORTCULLIS_REGISTRY_PASSWORD', 'PORTCULLIS_STORE_TOKEN', 'PORTCULLIS_DB_URL', 'PORTCULLIS_DB_REPOSITORY',
  'PORTCULLIS_SPOOL_DIR', 'GIT_COMMIT', 'BUILD_TAG', 'CHANGE_TARGET', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY',
  'NO_COLOR', 'FORCE_COLOR',
].asImmutable()

@Field static final String EXACT_VERSION = /[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?/

/**
 * Runs the scans and returns [decision: 'GO'|'WARN'|'STOP'|'ERROR', exitCode: n, reportDir: dir,
 * reports: [format: path], scans: [[image:, decision:, exitCode:, reportDir:, reports:], ...]] (the worst decision,
 * the first image's reports). STOP and errors end the step with `error`, unless failOnError: false lets an error by.
 */
def call(Map opts = [:]) {
  def unknown = opts.keySet().findAll { !KNOWN_PARAMETERS.contains(it.toString()) }
  if (unknown) {
    error("portcullisScan: unknown parameter(s) ${unknown.join(', ')}; known: ${KNOWN_PARAMETERS.join(', ')}")
  }
  List<Map> targets = imageTargets(opts)
  if ((opts.storeCredentialsId || opts.storeFailOnError) && !opts.storeUrl) {
    error('portcullisScan: storeCredentialsId and storeFailOnError need storeUrl (the Portcullis store to push to)')
  }
  String failOn = (opts.failOn ?: 'stop').toString()
  if (!(failOn in ['stop', 'warn', 'never'])) {
    error("portcullisScan: failOn must be stop, warn or never, got \"${failOn}\"")
  }
  if (opts.failScope != null && !(opts.failScope.toString() in ['all', 'new'])) {
    error("portcullisScan: failScope must be all or new, got \"${opts.failScope}\"")
  }
  if ((opts.failScope?.toString() == 'new' || opts.baselineOptional) && !opts.baseline) {
    error('portcullisScan: failScope: \'new\' and baselineOptional need baseline (a previous JSON report, an SBOM or store:)')
  }
  List<String> sources = CLI_SOURCES.findAll { opts[it] }
  if (sources.size() > 1) {
    error("portcullisScan: give one of ${CLI_SOURCES.join(', ')}, not ${sources.join(' and ')}")
  }
  if (opts.npmVersion && !(opts.npmVersion.toString() ==~ EXACT_VERSION)) {
    error("portcullisScan: npmVersion must be an exact version such as 1.2.3, got \"${opts.npmVersion}\"")
  }
  if ((opts.containerRuntime || opts.containerArgs) && sources && sources[0] != 'cliImage') {
    error("portcullisScan: containerRuntime and containerArgs apply to the container image, not to ${sources[0]}")
  }
  boolean failOnError = opts.failOnError != false
  String reportDir = (opts.reportDir ?: 'portcullis-reports').toString()

  List bindings = []
  if (opts.registryCredentialsId) {
    bindings << usernamePassword(credentialsId: opts.registryCredentialsId.toString(),
        usernameVariable: USERNAME_VARIABLE, passwordVariable: PASSWORD_VARIABLE)
  }
  if (opts.storeCredentialsId) {
    bindings << string(credentialsId: opts.storeCredentialsId.toString(), variable: STORE_TOKEN_VARIABLE)
  }

  // Every command line is built before anything runs; the credentials are bound around the scans alone.
  List<Map> planned = []
  for (Map target : targets) {
    String dir = opts.images ? "${reportDir}/${target.name}".toString() : reportDir
    Map<String, String> reports = reportPaths(opts.outputs, dir)
    planned << [image: target.image, reportDir: dir, reports: reports,
                script: scanScript(opts, target, failOn, dir, reports),
                label: opts.images ? "portcullis scan ${target.image}".toString() : 'portcullis scan']
  }
  List<Integer> statuses = []
  if (bindings) {
    withCredentials(bindings) {
      for (Map p : planned) statuses << (sh(script: p.script, returnStatus: true, label: p.label) as int)
    }
  } else {
    for (Map p : planned) statuses << (sh(script: p.script, returnStatus: true, label: p.label) as int)
  }
  List<Map> scans = []
  for (int i = 0; i < planned.size(); i++) {
    Map p = planned[i]
    scans << [image: p.image, decision: decisionOf(statuses[i]), exitCode: statuses[i], reportDir: p.reportDir, reports: p.reports]
  }

  List<Map> evaluated = scans.findAll { it.exitCode in [0, 1, 2] }
  if (evaluated) {
    publish(opts, evaluated*.reports)
  }
  Map worst = scans[0]
  for (Map scan : scans) {
    if (rank(scan.exitCode as int) > rank(worst.exitCode as int)) worst = scan
  }
  Map result = [decision: worst.decision, exitCode: worst.exitCode, reportDir: scans[0].reportDir,
                reports: scans[0].reports, scans: scans]

  for (Map scan : scans) {
    if (scan.exitCode == 0) echo("Portcullis: GO for ${scan.image}")
  }
  for (Map scan : scans.findAll { it.exitCode == 2 }) {
    unstable("Portcullis: policy decision WARN for ${scan.image}")
  }
  List<String> failures = []
  for (Map scan : scans.findAll { it.exitCode == 1 }) {
    String what = failOn == 'warn' ? 'WARN or STOP (failOn: warn)' : 'STOP'
    failures << "Portcullis: policy decision ${what} for ${scan.image}".toString()
  }
  for (Map scan : scans.findAll { !(it.exitCode in [0, 1, 2]) }) {
    String message = "Portcullis: the scan failed (exit code ${scan.exitCode}): ${errorMessage(scan.reportDir as String)}".toString()
    if (failOnError) {
      failures << (targets.size() == 1 ? message : "${message} (${scan.image})".toString())
    } else {
      // As the Anchore plugin's bailOnPluginFail: false: a scan that could not run leaves the build result alone.
      echo("${message}; failOnError: false, so the build goes on without a decision for ${scan.image}")
    }
  }
  if (failures) {
    error(failures.join('\n'))
  }
  return result
}

/** The images to scan: `image` (with `dockerfile`, `platform`) or `images`, a list of [image:, dockerfile:, platform:, name:]. */
private List<Map> imageTargets(Map opts) {
  if (opts.image && opts.images) {
    error('portcullisScan: give image or images, not both')
  }
  if (!opts.image && !opts.images) {
    error('portcullisScan: the image parameter is required (e.g. image: "docker-archive:app.tar")')
  }
  if (opts.image) {
    return [[image: opts.image.toString(), dockerfile: opts.dockerfile?.toString(), platform: opts.platform?.toString()]]
  }
  if (!(opts.images instanceof Collection)) {
    error('portcullisScan: images must be a list of maps such as [image: "docker-archive:api.tar", dockerfile: "api/Dockerfile"]')
  }
  if (opts.dockerfile) {
    error('portcullisScan: with images, give each image its own dockerfile inside its entry')
  }
  List<Map> targets = []
  Set<String> names = [] as Set
  List entries = opts.images as List
  for (int i = 0; i < entries.size(); i++) {
    def entry = entries[i]
    Map m = entry instanceof Map ? (Map) entry : [image: entry]
    def bad = m.keySet().findAll { !IMAGE_KEYS.contains(it.toString()) }
    if (bad) error("portcullisScan: images[${i}]: unknown key(s) ${bad.join(', ')}; known: ${IMAGE_KEYS.join(', ')}")
    if (!m.image) error("portcullisScan: images[${i}] has no image")
    String name = (m.name ?: m.image.toString().replaceAll(/^[a-z-]+:/, '').replaceAll(/[^A-Za-z0-9._-]+/, '_')).toString()
    if (!names.add(name)) error("portcullisScan: two images would share the report folder \"${name}\"; give them a name")
    targets << [image: m.image.toString(), dockerfile: m.dockerfile?.toString(),
                platform: (m.platform ?: opts.platform)?.toString(), name: name]
  }
  return targets
}

/** format -> path; a format given as 'format=path' keeps its path, 'table' alone goes to the console. */
private Map<String, String> reportPaths(def outputs, String reportDir) {
  List<String> wanted = outputs == null ? DEFAULT_OUTPUTS : (outputs instanceof Collection ? outputs : [outputs])*.toString()
  Map<String, String> paths = [:]
  for (String spec : wanted) {
    int eq = spec.indexOf('=')
    String format = eq < 0 ? spec : spec.substring(0, eq)
    if (!REPORT_FILES.containsKey(format)) {
      error("portcullisScan: unknown output format \"${format}\"; known: ${REPORT_FILES.keySet().join(', ')}")
    }
    if (eq >= 0) {
      paths[format] = spec.substring(eq + 1)
    } else if (format != 'table') {
      paths[format] = "${reportDir}/${REPORT_FILES[format]}".toString()
    }
  }
  return paths
}

/** The CLI's arguments for one image. */
private List<String> scanArgs(Map opts, Map target, String failOn, Map<String, String> reports) {
  boolean inContainer = cliSource(opts) == 'cliImage'
  List<String> args = ['scan', target.image.toString()]
  if (target.dockerfile) args += ['--dockerfile', target.dockerfile.toString()]
  if (opts.policy) args += ['--policy', opts.policy.toString()]
  args += ['--fail-on', failOn]
  args += ['--output', 'table']
  reports.each { format, path -> args += ['--output', "${format}=${path}".toString()] }
  if (opts.severityCutoff) args += ['--severity-cutoff', opts.severityCutoff.toString()]
  if (opts.onlyFixed) args += ['--only-fixed']
  if (target.platform) args += ['--platform', target.platform.toString()]
  if (opts.offline) args += ['--offline']
  if (opts.dbUrl) args += ['--db-url', opts.dbUrl.toString()]
  // In the container nothing outside the workspace lasts: the caches default to a workspace folder there.
  String dbCacheDir = opts.dbCacheDir ?: (inContainer ? '.portcullis-cache' : null)
  if (dbCacheDir) args += ['--db-cache-dir', dbCacheDir.toString()]
  if (opts.layerCache == false) {
    args += ['--no-layer-cache']
  } else {
    String layerCacheDir = opts.layerCacheDir ?: (inContainer ? '.portcullis-cache/layers' : null)
    if (layerCacheDir) args += ['--layer-cache', layerCacheDir.toString()]
    if (opts.layerCacheMaxSize) args += ['--layer-cache-max-size', opts.layerCacheMaxSize.toString()]
  }
  if (opts.ignoreFile) args += ['--ignore-file', opts.ignoreFile.toString()]
  if (opts.baseline) args += ['--baseline', opts.baseline.toString()]
  if (opts.failScope) args += ['--fail-scope', opts.failScope.toString()]
  if (opts.baselineOptional) args += ['--baseline-optional']
  if (opts.storeUrl) args += ['--store-url', opts.storeUrl.toString()]
  if (opts.storeFailOnError) args += ['--store-fail-on-error']
  if (opts.extraArgs) args += (opts.extraArgs instanceof Collection ? opts.extraArgs : [opts.extraArgs])*.toString()
  return args
}

/**
 * The shell script `sh` runs. Jenkins runs it with `sh -xe`, so no command may fail before the CLI's output is out:
 * the exit code is caught (`|| rc=$?`) and written to a file, the CLI's stderr is copied by tee to the console as it
 * comes and to portcullis-stderr.log (for the error message), and the script ends with the CLI's exit code. Exit
 * codes 125-127 (the container runtime, or the shell, could not start the CLI) become exit 3 with an install error.
 */
private String scanScript(Map opts, Map target, String failOn, String reportDir, Map<String, String> reports) {
  String args = scanArgs(opts, target, failOn, reports).collect { quote(it) }.join(' ')
  String stderrFile = quote("${reportDir}/portcullis-stderr.log".toString())
  String rcFile = quote("${reportDir}/portcullis-exit-code".toString())
  String source = cliSource(opts)
  List<String> inner = ['rc=0']
  if (source == 'npmVersion') {
    String pkg = "portcullis@${opts.npmVersion}".toString()
    inner << "npm install --prefix .portcullis-cli --no-save --no-audit --no-fund --ignore-scripts ${pkg} >&2 || rc=125".toString()
  }
  inner << "if [ \"\$rc\" = 0 ]; then ${cliCommand(opts)} ${args} || rc=\$?; fi".toString()
  String how = [cliImage: "the image ${opts.cliImage ?: DEFAULT_CLI_IMAGE} (${opts.containerRuntime ?: 'docker'} run)",
                cliPath: "cliPath ${opts.cliPath}", cliCommand: "cliCommand ${opts.cliCommand}",
                installation: "installation ${opts.installation}", npmVersion: "portcullis@${opts.npmVersion} from npm"][source]
  inner << ('case "$rc" in 125|126|127) echo ' +
      quote("portcullis: install error: the CLI could not be run from ${how}".toString()) +
      ' "(exit $rc); the image was not scanned" >&2; rc=3;; esac')
  inner << "echo \"\$rc\" > ${rcFile}".toString()
  List<String> lines = [
    "mkdir -p ${quote(reportDir)}".toString(),
    '{ {',
    *inner.collect { "  ${it}".toString() },
    "} 2>&1 1>&3 3>&- | tee ${stderrFile} >&2; } 3>&1".toString(),
    "exit \"\$(cat ${rcFile})\"".toString(),
  ]
  return lines.join('\n')
}

private static String cliSource(Map opts) {
  return CLI_SOURCES.find { opts[it] } ?: 'cliImage'
}

/** How the agent runs the CLI: in the container image (default), a path, a command, an installation, or npm. */
private String cliCommand(Map opts) {
  switch (cliSource(opts)) {
    case 'cliPath': return quote(opts.cliPath.toString())
    case 'cliCommand': return opts.cliCommand.toString()
    case 'installation': return "node ${quote("${opts.installation}/dist/cli/index.js".toString())}"
    case 'npmVersion': return '.portcullis-cli/node_modules/.bin/portcullis'
  }
  // The workspace is mounted at the same path and is the working directory, so relative and absolute workspace
  // paths mean the same inside; the agent's user id keeps the reports writable by later steps.
  List<String> run = [quote((opts.containerRuntime ?: 'docker').toString()), 'run', '--rm', '-u', '"$(id -u):$(id -g)"',
                      '-v', '"$PWD:$PWD"', '-w', '"$PWD"']
  CONTAINER_ENV.each { run += ['-e', it] }
  if (opts.containerArgs) run += (opts.containerArgs instanceof Collection ? opts.containerArgs : [opts.containerArgs]).collect { quote(it.toString()) }
  run += [quote((opts.cliImage ?: DEFAULT_CLI_IMAGE).toString())]
  return run.join(' ')
}

/** POSIX single-quoting where needed: the value reaches the CLI as one argument, whatever it holds. */
private static String quote(String s) {
  if (s ==~ /[A-Za-z0-9_@%+=:,.\/-]+/) return s
  return "'" + s.replace("'", "'\"'\"'") + "'"
}

private static String decisionOf(int status) {
  switch (status) {
    case 0: return 'GO'
    case 1: return 'STOP'
    case 2: return 'WARN'
    default: return 'ERROR'
  }
}

/** Which result wins when several images are scanned: an error, then STOP, then WARN, then GO. */
private static int rank(int status) {
  switch (status) {
    case 0: return 0
    case 2: return 1
    case 1: return 2
    default: return 3
  }
}

/** JUnit, archived reports and (when warnings-ng is installed) the SARIF as issues, before the result is set. */
private void publish(Map opts, List<Map<String, String>> all) {
  List<String> junitFiles = all.collect { it.junit }.findAll { it }
  if (junitFiles && opts.publishJunit != false) {
    // The decision alone sets the build result: the junit step must not mark the build UNSTABLE by itself.
    junit(testResults: junitFiles.join(','), allowEmptyResults: true, skipMarkingBuildUnstable: true)
  }
  List<String> archived = []
  for (Map<String, String> reports : all) {
    reports.each { format, path -> if (format != 'table') archived << path }
  }
  if (archived && opts.archiveReports != false) {
    archiveArtifacts(artifacts: archived.join(','), allowEmptyArchive: true, fingerprint: false)
  }
  List<String> summaries = all.collect { it.markdown }.findAll { it }
  if (summaries && opts.archiveReports != false) {
    echo("Portcullis: the summary is archived with the build's artifacts: ${summaries.join(', ')}")
  }
  List<String> sarifFiles = all.collect { it.sarif }.findAll { it }
  if (sarifFiles && opts.recordSarif != false) {
    try {
      recordIssues(tools: [sarif(pattern: sarifFiles.join(','), id: 'portcullis', name: 'Portcullis')],
          skipPublishingChecks: true)
    } catch (NoSuchMethodError | MissingMethodException e) {
      // The step or the tool symbol is unknown: the warnings-ng plugin is not installed. The SARIF stays archived.
      String missing = e instanceof MissingMethodException ? ((MissingMethodException) e).method : e.message
      if (!(missing ==~ /(?s).*\b(recordIssues|sarif)\b.*/)) throw e
      echo('Portcullis: the warnings-ng plugin is not installed; the SARIF report is archived but not recorded')
    }
  }
}

/** The CLI's `portcullis: <kind> error: ...` line (configuration, image, remote, install, internal) from its stderr, or the last line it printed. */
private String errorMessage(String reportDir) {
  String text = ''
  try {
    text = readFile("${reportDir}/portcullis-stderr.log".toString())
  } catch (Exception ignored) {
    return 'no output from the CLI (is it installed on the agent? see cliImage / cliPath / npmVersion)'
  }
  List<String> lines = text.readLines().findAll { it.trim() }
  String line = lines.reverse().find { (it =~ /portcullis: ([a-z]+ )?error:/).find() } ?: (lines ? lines.last() : null)
  return line ? line.trim() : 'the CLI printed nothing'
}
