package io.github.memrayjvm.examples.workloads;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A malloc-heavy workload for overhead measurements: each round compresses a small block with a
 * new {@link Deflater}, inflates it with a new {@link Inflater} (both {@code end()}ed: zlib's
 * mallocs and frees through JNI), and allocates small direct buffers (mallocs freed later by
 * their cleaner). Run as a program ({@code NativeChurn [rounds]}) it prints, on standard output,
 * one JSON line with the rounds and the elapsed milliseconds of the loop.
 */
public final class NativeChurn {

    private NativeChurn() {
    }

    public static void main(String[] args) throws DataFormatException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        long start = System.nanoTime();
        long checksum = run(rounds);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("{\"workload\":\"native-churn\",\"rounds\":" + rounds
                + ",\"elapsedMillis\":" + millis + ",\"checksum\":" + checksum + "}");
    }

    /** Runs {@code rounds} rounds on the calling thread; returns a checksum of the results. */
    public static long run(int rounds) throws DataFormatException {
        byte[] input = new byte[4096];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) (i % 17 == 0 ? i : 'a' + i % 7);
        }
        byte[] compressed = new byte[8192];
        byte[] restored = new byte[input.length];
        long checksum = 0;
        for (int round = 0; round < rounds; round++) {
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            int length;
            try {
                deflater.setInput(input);
                deflater.finish();
                length = deflater.deflate(compressed);
            } finally {
                deflater.end();
            }
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(compressed, 0, length);
                checksum += inflater.inflate(restored);
            } finally {
                inflater.end();
            }
            for (int i = 0; i < 8; i++) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(64 + 128 * i);
                buffer.put(0, (byte) round);
                checksum += buffer.get(0);
            }
        }
        return checksum;
    }
}
