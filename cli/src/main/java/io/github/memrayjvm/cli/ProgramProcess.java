package io.github.memrayjvm.cli;

import io.github.memrayjvm.api.MemrayException;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.lang.reflect.Proxy;

/**
 * Runs the tracked program as a child process that shares this process's standard input, output
 * and error, and ends with its exit status. Signals sent to memray (Ctrl-C, {@code kill}) are
 * passed on to the program, so it ends the way it would have without memray.
 */
final class ProgramProcess {

    private ProgramProcess() {
    }

    /**
     * Runs {@code command} and waits for it.
     *
     * @param environment variables to add to the child's environment
     * @param output      where the child's standard output and error go, or {@code null} to
     *                    share this process's
     * @return the program's exit status (128 + the signal number when a signal ended it)
     */
    static int run(List<String> command, Map<String, String> environment, File output)
            throws InterruptedException {
        Process process = start(command, environment, output);
        forwardSignals(process);
        return process.waitFor();
    }

    /** Starts {@code command}; see {@link #run}. */
    static Process start(List<String> command, Map<String, String> environment, File output) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        if (output != null) {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(output));
            builder.redirectErrorStream(true);
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new MemrayException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Passes SIGINT, SIGTERM and SIGHUP on to {@code process} instead of ending memray: memray
     * ends when the program does, with its status.
     */
    static void forwardSignals(Process process) {
        for (String name : List.of("INT", "TERM", "HUP")) {
            handle(name, () -> send(process, name));
        }
    }

    /**
     * Installs a handler for a POSIX signal through {@code sun.misc.Signal} (module
     * jdk.unsupported), reached reflectively so the build stays free of internal-API warnings.
     * Does nothing where that API or the signal is missing.
     */
    private static void handle(String signalName, Runnable handler) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance(signalName);
            Object proxy = Proxy.newProxyInstance(ProgramProcess.class.getClassLoader(),
                    new Class<?>[] {handlerClass}, (self, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            handler.run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == args[0];
                        default -> "memray signal forwarding for SIG" + signalName;
                    });
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, proxy);
        } catch (ReflectiveOperationException | IllegalArgumentException | LinkageError e) {
            // no signal handling here: memray then ends with the signal, like the program
        }
    }

    private static void send(Process process, String signal) {
        if (!process.isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .inheritIO().start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
