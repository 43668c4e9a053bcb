// portcullisScan: the Portcullis image gate as a Jenkins pipeline step (a shared-library global variable).
//
// A thin wrapper: it builds one `portcullis scan` command line from named parameters, runs it on the agent with
// `sh returnStatus: true`, publishes the reports, and maps the exit code to the build result:
//   0 GO    -> the build result is left alone
//   1 STOP  -> FAILURE (`error`); with failOn: 'warn' a WARN exits 1 too
//   2 WARN  -> UNSTABLE (`unstable`)
//   3 error -> FAILURE (`error`) with the CLI's own one-line message
// The scan itself, the policy and every report are the CLI's; nothing here interprets findings.
//
//   portcullisScan image: 'docker-archive:build/app.tar', dockerfile: 'Dockerfile', policy: '.portcullis/policy.json'
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

@Field static final List<String> DEFAULT_OUTPUTS = ['json', 'sarif', 'junit', 'cyclonedx'].asImmutable()

@Field static final Set<String> KNOWN_PARAMETERS = [
  'image', 'dockerfile', 'policy', 'failOn', 'outputs', 'severityCutoff', 'onlyFixed', 'platform', 'offline',
  'dbUrl', 'dbCacheDir', 'ignoreFile', 'registryCredentialsId', 'cliCommand', 'installation', 'reportDir',
  'extraArgs', 'publishJunit', 'archiveReports', 'recordSarif', 'storeUrl', 'storeCredentialsId',
  'storeFailOnError',
] as Set

@Field static final String USERNAME_VARIABLE = 'PORTCULLIS_REGISTRY_USERNAME'
@Field static final String PASSWORD_VARIABLE = 'PORTCULLIS_REGISTRY_PASSWORD'
@Field static final String STORE_TOKEN_VARIABLE = 'PORTCULLIS_STORE_TOKEN'

/**
 * Runs the scan and returns [decision: 'GO'|'WARN'|'STOP'|'ERROR', exitCode: n, reportDir: dir, reports: [format: path]].
 * STOP and errors end the step with `error` (so the map is only seen on GO and WARN).
 */
def call(Map opts = [:]) {
  def unknown = opts.keySet().findAll { !KNOWN_PARAMETERS.contains(it.toString()) }
  if (unknown) {
    error("portcullisScan: unknown parameter(s) ${unknown.join(', ')}; known: ${KNOWN_PARAMETERS.join(', ')}")
  }
  if (!opts.image) {
    error('portcullisScan: the image parameter is required (e.g. image: "docker-archive:app.tar")')
  }
  if ((opts.storeCredentialsId || opts.storeFailOnError) && !opts.storeUrl) {
    error('portcullisScan: storeCredentialsId and storeFailOnError need storeUrl (the Portcullis store to push to)')
  }
  String failOn = (opts.failOn ?: 'stop').toString()
  if (!(failOn in ['stop', 'warn', 'never'])) {
    error("portcullisScan: failOn must be stop, warn or never, got \"${failOn}\"")
  }
  String reportDir = (opts.reportDir ?: 'portcullis-reports').toString()
  Map<String, String> reports = reportPaths(opts.outputs, reportDir)
  String script = scanScript(opts, failOn, reportDir, reports)

  List bindings = []
  if (opts.registryCredentialsId) {
    bindings << usernamePassword(credentialsId: opts.registryCredentialsId.toString(),
        usernameVariable: USERNAME_VARIABLE, passwordVariable: PASSWORD_VARIABLE)
  }
  if (opts.storeCredentialsId) {
    bindings << string(credentialsId: opts.storeCredentialsId.toString(), variable: STORE_TOKEN_VARIABLE)
  }
  int status
  if (bindings) {
    withCredentials(bindings) {
      status = sh(script: script, returnStatus: true, label: 'portcullis scan')
    }
  } else {
    status = sh(script: script, returnStatus: true, label: 'portcullis scan')
  }

  Map result = [decision: decisionOf(status), exitCode: status, reportDir: reportDir, reports: reports]
  if (status == 0 || status == 1 || status == 2) {
    publish(opts, reports)
  }
  if (status == 0) {
    echo("Portcullis: GO for ${opts.image}")
  } else if (status == 2) {
    unstable("Portcullis: policy decision WARN for ${opts.image}")
  } else if (status == 1) {
    String what = failOn == 'warn' ? 'WARN or STOP (failOn: warn)' : 'STOP'
    error("Portcullis: policy decision ${what} for ${opts.image}")
  } else {
    error("Portcullis: the scan failed (exit code ${status}): ${errorMessage(reportDir)}")
  }
  return result
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

/** The shell script `sh` runs: the command line, with stderr kept in a file so an error's message can be shown. */
private String scanScript(Map opts, String failOn, String reportDir, Map<String, String> reports) {
  List<String> args = ['scan', opts.image.toString()]
  if (opts.dockerfile) args += ['--dockerfile', opts.dockerfile.toString()]
  if (opts.policy) args += ['--policy', opts.policy.toString()]
  args += ['--fail-on', failOn]
  args += ['--output', 'table']
  reports.each { format, path -> args += ['--output', "${format}=${path}".toString()] }
  if (opts.severityCutoff) args += ['--severity-cutoff', opts.severityCutoff.toString()]
  if (opts.onlyFixed) args += ['--only-fixed']
  if (opts.platform) args += ['--platform', opts.platform.toString()]
  if (opts.offline) args += ['--offline']
  if (opts.dbUrl) args += ['--db-url', opts.dbUrl.toString()]
  if (opts.dbCacheDir) args += ['--db-cache-dir', opts.dbCacheDir.toString()]
  if (opts.ignoreFile) args += ['--ignore-file', opts.ignoreFile.toString()]
  if (opts.storeUrl) args += ['--store-url', opts.storeUrl.toString()]
  if (opts.storeFailOnError) args += ['--store-fail-on-error']
  if (opts.extraArgs) args += (opts.extraArgs instanceof Collection ? opts.extraArgs : [opts.extraArgs])*.toString()

  String stderrFile = "${reportDir}/portcullis-stderr.log"
  List<String> lines = [
    "mkdir -p ${quote(reportDir)}",
    "${cliCommand(opts)} ${args.collect { quote(it) }.join(' ')} 2>${quote(stderrFile)}; rc=\$?",
    "cat ${quote(stderrFile)} >&2",
    'exit $rc',
  ]
  return lines.join('\n')
}

/** How the agent runs the CLI: an explicit command, an unpacked installation, or npx of the package. */
private String cliCommand(Map opts) {
  if (opts.cliCommand) return opts.cliCommand.toString()
  if (opts.installation) return "node ${quote("${opts.installation}/dist/cli/index.js".toString())}"
  return 'npx --yes portcullis'
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

/** JUnit, archived reports and (when warnings-ng is installed) the SARIF as issues, before the result is set. */
private void publish(Map opts, Map<String, String> reports) {
  if (reports.junit && opts.publishJunit != false) {
    // The decision alone sets the build result: the junit step must not mark the build UNSTABLE by itself.
    junit(testResults: reports.junit, allowEmptyResults: true, skipMarkingBuildUnstable: true)
  }
  List<String> archived = reports.findAll { it.key != 'table' }.values() as List<String>
  if (archived && opts.archiveReports != false) {
    archiveArtifacts(artifacts: archived.join(','), allowEmptyArchive: true, fingerprint: false)
  }
  if (reports.sarif && opts.recordSarif != false) {
    try {
      recordIssues(tools: [sarif(pattern: reports.sarif, id: 'portcullis', name: 'Portcullis')],
          skipPublishingChecks: true)
    } catch (NoSuchMethodError | MissingMethodException e) {
      // The step or the tool symbol is unknown: the warnings-ng plugin is not installed. The SARIF stays archived.
      String missing = e instanceof MissingMethodException ? ((MissingMethodException) e).method : e.message
      if (!(missing ==~ /(?s).*\b(recordIssues|sarif)\b.*/)) throw e
      echo('Portcullis: the warnings-ng plugin is not installed; the SARIF report is archived but not recorded')
    }
  }
}

/** The CLI's `portcullis: <kind> error: ...` line (configuration, image, remote, internal) from its stderr, or the last line it printed. */
private String errorMessage(String reportDir) {
  String text = ''
  try {
    text = readFile("${reportDir}/portcullis-stderr.log".toString())
  } catch (Exception ignored) {
    return 'no output from the CLI (is it installed on the agent? see cliCommand / installation)'
  }
  List<String> lines = text.readLines().findAll { it.trim() }
  String line = lines.reverse().find { (it =~ /portcullis: ([a-z]+ )?error:/).find() } ?: (lines ? lines.last() : null)
  return line ? line.trim() : 'the CLI printed nothing'
}
