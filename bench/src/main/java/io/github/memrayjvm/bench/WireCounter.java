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
            Thread up = pump(viewer.getInputStream(), program.getOutputStream(), new AtomicLong());
            pump(program.getInputStream(), viewer.getOutputStream(), toViewer).join();
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

    private static Thread pump(InputStream in, OutputStream out, AtomicLong counter) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[65536];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    counter.addAndGet(n);
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
