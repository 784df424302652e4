package io.github.memrayjvm.cli;

import io.github.memrayjvm.api.MemrayException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code memray}: the command line. User mistakes end with one line on standard error and a
 * non-zero status (2 for bad usage, 1 for problems met while running); never a stack trace.
 */
@Command(name = "memray", mixinStandardHelpOptions = true,
        versionProvider = Memray.Version.class, usageHelpAutoWidth = true,
        description = "A live memory profiler for Java.",
        subcommands = {RunCommand.class, LiveCommand.class, DemoCommand.class,
            CommandLine.HelpCommand.class})
public final class Memray implements Runnable {

    /** Status for bad usage (unknown option, bad value). */
    static final int USAGE = 2;
    /** Status for a problem met while running (nothing listening, port taken, ...). */
    static final int FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status. */
    static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Memray());
        // everything after the main class belongs to the program
        commandLine.getSubcommands().get("run").setStopAtPositional(true);
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("memray: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            err.flush();
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof MemrayException) {
                err.println("memray: " + ex.getMessage());
            } else {
                err.println("memray: unexpected error: " + ex);
                ex.printStackTrace(err);
            }
            err.flush();
            return FAILURE;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Memray.class.getPackage().getImplementationVersion();
            return new String[] {"memray " + (version == null ? "(development build)" : version)};
        }
    }
}
