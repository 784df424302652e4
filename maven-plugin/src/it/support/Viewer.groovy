import groovy.json.JsonSlurper

import java.util.concurrent.TimeUnit

/**
 * A real viewer for an integration test: `java -jar memray-cli.jar live PORT --renderer json`,
 * started before the build (prebuild.groovy) on the port the case's invoker.properties gives
 * with -Dlive.port (and with the secret it gives with -Dlive.token), writing viewer.json (one
 * JSON object per line) in the case's folder; read back after the build (verify.groovy).
 */
class Viewer {

    /** Starts the viewer for the case in `basedir`. */
    static void start(File basedir, String cliJar) {
        def invoker = new File(basedir, 'invoker.properties').text
        def port = (invoker =~ /-Dlive\.port=(\d+)/)[0][1]
        def java = new File(System.getProperty('java.home'), 'bin/java').path
        def command = [java, '-jar', cliJar, 'live', port, '--renderer', 'json', '--timeout', '120']
        def token = invoker =~ /-Dlive\.token=(\S+)/
        if (token.find()) {
            command += ['--token', token.group(1)]
        }
        def process = new ProcessBuilder(command)
                .redirectOutput(new File(basedir, 'viewer.json'))
                .redirectError(new File(basedir, 'viewer.err'))
                .redirectInput(ProcessBuilder.Redirect.from(new File('/dev/null')))
                .start()
        new File(basedir, 'viewer.pid').text = Long.toString(process.pid())
    }

    /**
     * Waits for the viewer to end (it does once the program disconnects), stopping it after
     * `seconds`, and returns what it received, one map per JSON line.
     */
    static List<Map> received(File basedir, int seconds = 60) {
        def pid = Long.parseLong(new File(basedir, 'viewer.pid').text.trim())
        ProcessHandle.of(pid).ifPresent { handle ->
            try {
                handle.onExit().get(seconds, TimeUnit.SECONDS)
            } catch (java.util.concurrent.TimeoutException e) {
                handle.destroyForcibly()
                throw new AssertionError("the viewer did not end within ${seconds} s; stderr: "
                        + new File(basedir, 'viewer.err').text)
            }
        }
        def slurper = new JsonSlurper()
        return new File(basedir, 'viewer.json').readLines().findAll { it.trim() }
                .collect { slurper.parseText(it) as Map }
    }

    /** Stops the viewer if it still runs (for cases where no program ever started). */
    static void stop(File basedir) {
        def pid = Long.parseLong(new File(basedir, 'viewer.pid').text.trim())
        ProcessHandle.of(pid).ifPresent { it.destroyForcibly() }
    }

    /**
     * Checks the common shape: at least one snapshot, the last line says the program
     * disconnected; returns the last snapshot.
     */
    static Map lastSnapshot(List<Map> lines) {
        assert lines.size() >= 2 : "the viewer received ${lines.size()} lines: ${lines}"
        assert lines[-1].type == 'disconnected' : "last line: ${lines[-1]}"
        assert lines[-1].reason == 'program exited'
        def snapshots = lines.findAll { it.type == 'snapshot' }
        assert !snapshots.isEmpty()
        return snapshots[-1]
    }

    /** The functions of the snapshot's rows of `tracker`. */
    static List<String> functions(Map snapshot, String tracker) {
        snapshot.locations.findAll { it.tracker == tracker }.collect { it.function as String }
    }
}
