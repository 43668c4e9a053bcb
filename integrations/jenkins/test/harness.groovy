// Test harness for vars/portcullisScan.groovy under plain `groovy` (no Jenkins).
//
//   groovy harness.groovy STEP.groovy SCENARIOS.json RESULTS.json
//
// Each scenario parses the step afresh and stubs the pipeline steps it may call through the script's metaClass:
// sh, withCredentials, usernamePassword, string, junit, archiveArtifacts, recordIssues, sarif, unstable, error, echo,
// readFile. Every call is recorded (as plain strings: a GString never equals a String), and so is the build result
// the steps would leave: `unstable` makes it UNSTABLE, `error` makes it FAILURE and throws as Jenkins does.
//
// A scenario is {name, params, status?, files?, warningsNg?, credentials?, real?, workDir?}, or {name, parse: FILE}
// to syntax-check an example Jenkinsfile:
//   status      the exit code the stubbed `sh` returns (stub mode); statuses: one per `sh` call, in order
//   files       path -> text that `readFile` returns (stub mode)
//   warningsNg  false: `recordIssues` and `sarif` are not defined, as when the plugin is absent
//   credentials credentialsId -> [username, password] for a usernamePassword binding, [secret] for a string one
//   real        true: `sh` really runs the script as Jenkins does (durable-task's BourneShellScript): the script is
//               written to WORKDIR@tmp/durable-N/script.sh, copied to script.sh.copy and run as
//               `sh -xe script.sh.copy > jenkins-log.txt 2>&1` in workDir, with the bound credentials (and `env`) in
//               its environment; the log is what the console shows. `readFile` reads real files there
//   env         name -> value added to a real script's environment (e.g. PATH with a stand-in `docker`)
//
// Besides the steps, the harness records the symbols the step builds step arguments with (usernamePassword, string,
// sarif) under `symbols`, so that every named parameter can be checked against the plugins' real ones.

import groovy.json.JsonOutput
import groovy.json.JsonSlurper

class StepError extends RuntimeException {
  StepError(String message) { super(message) }
}

def plain(def value) {
  if (value instanceof Map) return value.collectEntries { k, v -> [(k.toString()): plain(v)] }
  if (value instanceof Collection) return value.collect { plain(it) }
  if (value == null || value instanceof Boolean || value instanceof Number) return value
  return value.toString()
}

def runScenario(File stepFile, Map sc) {
  if (sc.parse) {
    // Syntax check of an example Jenkinsfile; `@Library` only resolves inside Jenkins, so it is left out.
    String text = new File(sc.parse.toString()).getText('UTF-8').replaceAll(/(?m)^@Library\(.*$/, '')
    try {
      new GroovyShell().parse(text, 'Jenkinsfile')
      return [name: sc.name, result: 'PARSED', calls: []]
    } catch (Exception e) {
      return [name: sc.name, result: 'SYNTAX ERROR', thrown: e.message, calls: []]
    }
  }
  List calls = []
  List symbols = []
  String result = 'SUCCESS'
  Map<String, String> boundEnv = [:]
  File workDir = sc.workDir ? new File(sc.workDir.toString()) : null
  int shCount = 0

  def step = new GroovyShell().parse(stepFile)
  // `names`: the named parameters the step was really called with (for sh, whose recorded args are a digest).
  def record = { String name, def args, def names = null ->
    calls << [step: name, args: plain(args), names: plain(names != null ? names : (args instanceof Map ? args.keySet() as List : null))]
  }
  int stubCall = 0

  step.metaClass.echo = { def message -> record('echo', message) }
  step.metaClass.unstable = { def message ->
    record('unstable', message)
    if (result == 'SUCCESS') result = 'UNSTABLE'
  }
  step.metaClass.error = { def message ->
    record('error', message)
    result = 'FAILURE'
    throw new StepError(message.toString())
  }
  step.metaClass.usernamePassword = { Map m -> symbols << [symbol: 'usernamePassword', args: plain(m)]; [kind: 'usernamePassword'] + m }
  step.metaClass.string = { Map m -> symbols << [symbol: 'string', args: plain(m)]; [kind: 'string'] + m }
  step.metaClass.withCredentials = { List bindings, Closure body ->
    // withCredentials(bindings) { ... }: the one named parameter of BindingStep is `bindings`.
    record('withCredentials', bindings, ['bindings'])
    Map saved = new LinkedHashMap(boundEnv)
    for (Map b : bindings) {
      def secret = (sc.credentials ?: [:])[b.credentialsId.toString()]
      if (secret == null) {
        // Jenkins fails the build when a credentials id does not exist.
        throw new StepError("Could not find credentials entry with ID '${b.credentialsId}'")
      }
      if (b.kind == 'string') {
        boundEnv[b.variable.toString()] = secret[0].toString()
      } else {
        boundEnv[b.usernameVariable.toString()] = secret[0].toString()
        boundEnv[b.passwordVariable.toString()] = secret[1].toString()
      }
    }
    try {
      return body.call()
    } finally {
      boundEnv.clear()
      boundEnv.putAll(saved)
    }
  }
  step.metaClass.sh = { Map m ->
    Map entry = [script: m.script, returnStatus: m.returnStatus, label: m.label, env: new TreeMap(boundEnv).keySet() as List]
    if (!sc.real) {
      record('sh', entry, m.keySet() as List)
      return (sc.statuses != null ? sc.statuses[stubCall++] : sc.status) as int
    }
    // As durable-task's BourneShellScript: a control directory beside the workspace, the script copied, `sh -xe`.
    File control = new File("${workDir.path}@tmp/durable-${++shCount}")
    control.mkdirs()
    File scriptFile = new File(control, 'script.sh')
    scriptFile.setText(m.script.toString(), 'UTF-8')
    File copy = new File(control, 'script.sh.copy')
    copy.setText(scriptFile.getText('UTF-8'), 'UTF-8')
    File log = new File(control, 'jenkins-log.txt')
    def pb = new ProcessBuilder('sh', '-c', "sh -xe '${copy.path}' > '${log.path}' 2>&1".toString()).directory(workDir)
    pb.environment().putAll((sc.env ?: [:]).collectEntries { k, v -> [(k.toString()): v.toString()] })
    pb.environment().putAll(boundEnv)
    pb.environment().put('HARNESS_LOG_FILE', log.path)
    pb.redirectErrorStream(true)
    def proc = pb.start()
    proc.inputStream.text
    int code = proc.waitFor()
    entry.log = log.getText('UTF-8')
    entry.exitCode = code
    record('sh', entry, m.keySet() as List)
    return code
  }
  step.metaClass.readFile = { def arg ->
    String path = (arg instanceof Map ? arg.file : arg).toString()
    record('readFile', path)
    if (sc.real) return new File(workDir, path).getText('UTF-8')
    def text = (sc.files ?: [:])[path]
    if (text == null) throw new FileNotFoundException(path)
    return text.toString()
  }
  step.metaClass.junit = { Map m -> record('junit', m) }
  step.metaClass.archiveArtifacts = { Map m -> record('archiveArtifacts', m) }
  if (sc.warningsNg != false) {
    step.metaClass.sarif = { Map m -> symbols << [symbol: 'sarif', args: plain(m)]; [tool: 'sarif'] + m }
    step.metaClass.recordIssues = { Map m -> record('recordIssues', m) }
  }

  def returned = null
  String thrown = null
  try {
    returned = step.call(sc.params as Map)
  } catch (StepError e) {
    thrown = e.message
  }
  return [name: sc.name, result: result, returned: plain(returned), thrown: thrown, calls: calls, symbols: symbols]
}

if (args.length != 3) {
  System.err.println('usage: groovy harness.groovy STEP.groovy SCENARIOS.json RESULTS.json')
  System.exit(2)
}
File stepFile = new File(args[0])
List scenarios = new JsonSlurper().parse(new File(args[1])) as List
List results = scenarios.collect { runScenario(stepFile, it as Map) }
new File(args[2]).setText(JsonOutput.prettyPrint(JsonOutput.toJson(results)), 'UTF-8')
