package io.github.memrayjvm.cli.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A program for the pass-through tests: says when main started, echoes its arguments one per
 * line, writes a line on standard error, optionally reads a line from standard input, and exits
 * with the status given after {@code --exit}.
 */
public final class EchoProgram {

    private EchoProgram() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("main started");
        int status = 0;
        boolean read = false;
        for (int i = 0; i < args.length; i++) {
            System.out.println("arg: " + args[i]);
            if (args[i].equals("--exit")) {
                status = Integer.parseInt(args[i + 1]);
            }
            if (args[i].equals("--read")) {
                read = true;
            }
        }
        System.err.println("a line on stderr");
        if (read) {
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.out.println("read: " + in.readLine());
        }
        System.out.flush();
        System.exit(status);
    }
}
