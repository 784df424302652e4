package io.github.memrayjvm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay between one viewer and the tracked program that counts the bytes the program
 * sends: the wire's bandwidth, measured outside both.
 */
public final class WireCounter implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final AtomicLong toViewer = new AtomicLong();
    private final java.util.List<long[]> timeline = new java.util.ArrayList<>();
    private final Thread acceptor;

    /** Listens on a free local port and relays its one connection to {@code targetPort}. */
    public WireCounter(int targetPort) throws IOException {
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.target = targetPort;
        this.acceptor = new Thread(this::relay, "bench-wire-counter");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port the viewer connects to. */
    public int port() {
        return server.getLocalPort();
    }

    /** Bytes the program sent to the viewer so far. */
    public long bytesToViewer() {
        return toViewer.get();
    }

    private void relay() {
        try (Socket viewer = server.accept(); Socket program = connect()) {
            Thread up = pump(viewer.getInputStream(), program.getOutputStream(), new AtomicLong(),
                    new java.util.ArrayList<>());
            pump(program.getInputStream(), viewer.getOutputStream(), toViewer, timeline).join();
            up.join(1000);
        } catch (IOException | InterruptedException e) {
            // the run ended
        }
    }

    private Socket connect() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 1000);
                return socket;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    /**
     * Bytes per second the program sent in the second half of the time between its first and
     * last bytes: the steady rate, without the definitions sent at the start.
     */
    public double steadyBytesPerSecond() {
        synchronized (timeline) {
            if (timeline.size() < 2) {
                return 0;
            }
            long first = timeline.get(0)[0];
            long last = timeline.get(timeline.size() - 1)[0];
            long middle = first + (last - first) / 2;
            long before = 0;
            for (long[] point : timeline) {
                if (point[0] <= middle) {
                    before = point[1];
                }
            }
            long after = timeline.get(timeline.size() - 1)[1] - before;
            return after / Math.max(1e-9, (last - middle) / 1e9);
        }
    }

    private static Thread pump(InputStream in, OutputStream out, AtomicLong counter,
                               java.util.List<long[]> timeline) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[65536];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    long total = counter.addAndGet(n);
                    synchronized (timeline) {
                        timeline.add(new long[] {System.nanoTime(), total});
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    out.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        }, "bench-wire-pump");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
