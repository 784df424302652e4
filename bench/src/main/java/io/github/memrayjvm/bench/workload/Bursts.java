package io.github.memrayjvm.bench.workload;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Allocation bursts at one site, each announced on standard output with the wall-clock time it
 * started: {@code {"burst":N,"atMillis":EPOCH_MILLIS,"bytes":B}}. The live-latency benchmark
 * matches them with the first viewer snapshot that shows the burst.
 *
 * <p>{@code Bursts heap|native BURSTS GAP_MILLIS}: {@code heap} allocates 64 MiB of 64 KiB
 * arrays (dropped at once) in {@link #heapBurst}; {@code native} allocates 4 direct buffers of
 * 1 MiB (kept) in {@link #nativeBurst}.
 */
public final class Bursts {

    /** Bytes of one heap burst. */
    public static final long HEAP_BURST = 64L << 20;
    /** Bytes of one native burst. */
    public static final long NATIVE_BURST = 4L << 20;
    /** The site functions, as the viewer names them. */
    public static final String HEAP_SITE = Bursts.class.getName() + ".heapBurst";
    public static final String NATIVE_SITE = Bursts.class.getName() + ".nativeBurst";

    private static final List<ByteBuffer> KEPT = new ArrayList<>();
    private static volatile Object sink;

    private Bursts() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean nativeBursts = args[0].equals("native");
        int bursts = Integer.parseInt(args[1]);
        long gap = Long.parseLong(args[2]);
        Thread.sleep(gap);
        for (int i = 1; i <= bursts; i++) {
            System.out.println("{\"burst\":" + i + ",\"atMillis\":" + System.currentTimeMillis()
                    + ",\"bytes\":" + (nativeBursts ? NATIVE_BURST : HEAP_BURST) + "}");
            System.out.flush();
            if (nativeBursts) {
                nativeBurst();
            } else {
                heapBurst();
            }
            Thread.sleep(gap);
        }
    }

    static void heapBurst() {
        for (long done = 0; done < HEAP_BURST; done += 64 * 1024) {
            sink = new byte[64 * 1024 - 16];
        }
    }

    static void nativeBurst() {
        for (int i = 0; i < NATIVE_BURST >> 20; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
            buffer.put(0, (byte) i);
            KEPT.add(buffer);
        }
    }
}
