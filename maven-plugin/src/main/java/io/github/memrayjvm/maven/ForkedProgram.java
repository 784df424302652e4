package io.github.memrayjvm.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the tracked program as a child process of Maven and waits for it. Its standard output and
 * error are copied byte for byte to Maven's (so they go wherever Maven's output goes, with no
 * prefix), its standard input is Maven's. If Maven ends first (Ctrl-C), the program is ended
 * too. One instance per run; {@link #run} is called once.
 */
final class ForkedProgram {

    private final List<String> command;
    private final Path workingDirectory;
    private final Map<String, String> environment;

    /**
     * @param command          the command line
     * @param workingDirectory where it runs
     * @param environment      variables added to Maven's environment
     */
    ForkedProgram(List<String> command, Path workingDirectory, Map<String, String> environment) {
        this.command = command;
        this.workingDirectory = workingDirectory;
        this.environment = environment;
    }

    /**
     * Runs the program to its end.
     *
     * @return its exit status
     * @throws IOException if it cannot be started
     */
    int run(PrintStream out, PrintStream err) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        Process process = builder.start();
        Thread stopper = new Thread(() -> stop(process), "memray-stop-program");
        Runtime.getRuntime().addShutdownHook(stopper);
        Thread outCopy = copy(process.getInputStream(), out, "memray-program-out");
        Thread errCopy = copy(process.getErrorStream(), err, "memray-program-err");
        try {
            int status = process.waitFor();
            outCopy.join();
            errCopy.join();
            return status;
        } finally {
            if (process.isAlive()) {
                stop(process);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // Maven is shutting down; the hook runs
            }
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private static Thread copy(InputStream from, OutputStream to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // the program ended
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
