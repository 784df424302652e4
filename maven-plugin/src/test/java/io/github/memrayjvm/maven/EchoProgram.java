package io.github.memrayjvm.maven;

import java.nio.file.Path;

/** Run by {@link ForkedProgramTest}: echoes its input, arguments, folder and one variable. */
public final class EchoProgram {

    private EchoProgram() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("args=" + String.join("|", args));
        System.out.println("dir=" + Path.of("").toAbsolutePath());
        System.out.println("env=" + System.getenv("MEMRAY_TEST_VARIABLE"));
        System.err.println("to stderr");
        System.exit(Integer.parseInt(args[0]));
    }
}
