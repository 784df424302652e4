package io.github.memrayjvm.examples.workloads;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.Deflater;

/**
 * A native-memory workload whose live native bytes are known by construction: it keeps
 * {@value #BUFFERS} direct buffers of 1 MiB alive ({@code ByteBuffer.allocateDirect}, 48 MiB of
 * malloc'd memory) and churns {@value #DEFLATERS} {@link Deflater}s, each used and
 * {@code end()}ed (its zlib state, about 260 KiB of mallocs, freed again: about 0 live).
 *
 * <p>Its {@link Truth} holds the <em>live</em> native bytes per site when {@link #run()} returns
 * (while the returned {@link Held} is reachable). Run as a program it prints that truth as one
 * JSON line on standard output.
 */
public final class DirectBuffersAndDeflaters {

    /** Direct buffers kept alive. */
    public static final int BUFFERS = 48;
    /** Bytes of each direct buffer. */
    public static final int BUFFER_BYTES = 1 << 20;
    /** Deflaters created, used and ended. */
    public static final int DEFLATERS = 200;
    /** The Java method whose native allocations are the direct buffers. */
    public static final String DIRECT_SITE = "java.nio.ByteBuffer.allocateDirect";
    /** The Java (native) method whose allocations are the Deflaters' zlib state. */
    public static final String DEFLATER_SITE = "java.util.zip.Deflater.init";

    private DirectBuffersAndDeflaters() {
    }

    /** What the workload keeps alive; hold it for as long as the buffers must stay live. */
    public static final class Held {
        private final List<ByteBuffer> buffers;
        private final Truth truth;

        Held(List<ByteBuffer> buffers, Truth truth) {
            this.buffers = Collections.unmodifiableList(buffers);
            this.truth = truth;
        }

        /** The direct buffers. */
        public List<ByteBuffer> buffers() {
            return buffers;
        }

        /** Live native bytes by site while this is held. */
        public Truth truth() {
            return truth;
        }
    }

    public static void main(String[] args) {
        Held held = run();
        System.out.println(held.truth().toJson());
        if (held.buffers().size() != BUFFERS) {
            throw new IllegalStateException("lost a buffer");
        }
    }

    /** Allocates the buffers and churns the deflaters on the calling thread. */
    public static Held run() {
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < BUFFERS; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
            buffer.putLong(0, i);
            buffers.add(buffer);
        }
        byte[] input = new byte[16 * 1024];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) (i * 31 % 251);
        }
        byte[] output = new byte[32 * 1024];
        for (int i = 0; i < DEFLATERS; i++) {
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try {
                deflater.setInput(input);
                deflater.finish();
                while (!deflater.finished()) {
                    deflater.deflate(output);
                }
            } finally {
                deflater.end();
            }
        }
        Truth truth = new Truth("direct-buffers-and-deflaters");
        truth.add(DIRECT_SITE, (long) BUFFERS * BUFFER_BYTES);
        truth.add(DEFLATER_SITE, 0);
        return new Held(buffers, truth);
    }
}
