package io.github.memrayjvm.examples.workloads;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A program that starts child processes while it holds native memory, for checking that a
 * tracked program's children run as usual and are not tracked: it keeps {@value #BUFFERS}
 * direct buffers of 1 MiB, runs {@code /bin/sh -c 'echo hi from sh; exit 3'}, then a child JVM
 * (this class with the argument {@code child}) that allocates {@value #CHILD_BUFFERS} MiB of
 * direct buffers, many times what the parent holds, and says so.
 *
 * <p>Prints one JSON line: {@code {"workload":"forks-children","shell":"hi from sh",
 * "shellExit":3,"child":"child allocated 268435456 bytes","childExit":0}} (the children's output
 * and exit statuses as the parent saw them). {@code ProcessBuilder} uses the JVM's launch
 * mechanism ({@code -Djdk.lang.Process.launchMechanism=FORK} or {@code POSIX_SPAWN}).
 */
public final class ForksChildren {

    /** Direct buffers of 1 MiB the parent keeps alive while its children run. */
    public static final int BUFFERS = 8;
    /** Bytes of each buffer, in the parent and the child. */
    public static final int BUFFER_BYTES = 1 << 20;
    /** Direct buffers of 1 MiB the child JVM allocates and holds until it exits. */
    public static final int CHILD_BUFFERS = 256;
    /** The Java method whose native allocations are the direct buffers. */
    public static final String DIRECT_SITE = "java.nio.ByteBuffer.allocateDirect";

    private ForksChildren() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals("child")) {
            List<ByteBuffer> held = allocate(CHILD_BUFFERS);
            System.out.println("child allocated " + (long) held.size() * BUFFER_BYTES + " bytes");
            return;
        }
        List<ByteBuffer> held = allocate(BUFFERS);
        Result shell = run(List.of("/bin/sh", "-c", "echo hi from sh; exit 3"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Result child = run(List.of(java, "-cp", System.getProperty("java.class.path"),
                ForksChildren.class.getName(), "child"));
        System.out.println("{\"workload\":\"forks-children\",\"shell\":\"" + shell.output
                + "\",\"shellExit\":" + shell.exit + ",\"child\":\"" + child.output
                + "\",\"childExit\":" + child.exit + ",\"parentBuffers\":" + held.size() + "}");
    }

    private static List<ByteBuffer> allocate(int count) {
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
            buffer.putLong(0, i);
            buffers.add(buffer);
        }
        return buffers;
    }

    /** Runs a command; its standard output and error, merged and trimmed, and its status. */
    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .trim().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return new Result(output, process.waitFor());
    }

    private record Result(String output, int exit) {
    }
}
