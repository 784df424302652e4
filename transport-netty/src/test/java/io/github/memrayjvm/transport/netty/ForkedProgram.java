package io.github.memrayjvm.transport.netty;

import io.github.memrayjvm.api.transport.ServerConfig;
import io.github.memrayjvm.api.transport.TransportServer;
import io.github.memrayjvm.api.transport.ViewerChannel;
import io.github.memrayjvm.api.transport.ViewerHandler;
import io.github.memrayjvm.api.transport.ViewerLink;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Greeting;
import io.github.memrayjvm.api.wire.Message;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A program in miniature, run in its own JVM by {@link ExitDelayTest}, in one of three modes:
 * <ul>
 *   <li>{@code close-in-main}, {@code close-in-hook}: the tracked side. Listens, prints
 *       {@code port N}, accepts one viewer, sends it an end, closes the server (in {@code main},
 *       or in a shutdown hook as the agent does).</li>
 *   <li>{@code viewer PORT}: the viewer side. Connects to {@code PORT}, waits for the end,
 *       closes the link.</li>
 * </ul>
 * Then it prints its non-daemon threads, whether Netty's global executor ever started a thread,
 * and the time, and returns from {@code main}.
 */
public final class ForkedProgram {

    private ForkedProgram() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "close-in-main" -> serve(true);
            case "close-in-hook" -> serve(false);
            case "viewer" -> view(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        List<String> nonDaemon = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon()
                        && thread != Thread.currentThread())
                .map(Thread::getName).toList();
        System.out.println("non-daemon threads " + nonDaemon);
        System.out.println("global executor " + globalExecutor());
        System.out.println("returning at " + System.currentTimeMillis());
    }

    private static void serve(boolean closeInMain) throws Exception {
        CompletableFuture<ViewerChannel> viewer = new CompletableFuture<>();
        ViewerHandler handler = new ViewerHandler() {
            @Override
            public Message onGreeting(Greeting greeting, ViewerChannel channel) {
                viewer.complete(channel);
                return Fixtures.HELLO;
            }

            @Override
            public void onClosed(ViewerChannel channel) {
            }

            @Override
            public void onRejected(String remoteAddress, String problem) {
            }
        };
        TransportServer server = new TcpTransportProvider().listen(new ServerConfig("127.0.0.1", 0,
                new Fixtures.CountingThreads("memray-forked-io"), Duration.ofSeconds(5)), handler);
        if (!closeInMain) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "memray-shutdown"));
        }
        System.out.println("port " + server.localAddress().getPort());
        viewer.get(20, TimeUnit.SECONDS).send(new End(0, "program exited"))
                .get(5, TimeUnit.SECONDS);
        if (closeInMain) {
            server.close();
        }
    }

    private static void view(int port) throws Exception {
        try (ViewerLink link = new TcpTransportProvider().connect(
                Fixtures.client(port, Fixtures.greeting("")))) {
            Message last = link.poll(Duration.ofSeconds(20));
            System.out.println("received " + last);
        }
    }

    /**
     * Whether Netty's global executor ever ran a thread in this JVM (it says so by refusing to
     * wait for a thread it never started).
     */
    private static String globalExecutor() throws InterruptedException {
        try {
            GlobalEventExecutor.INSTANCE.awaitInactivity(1, TimeUnit.MILLISECONDS);
            return "started";
        } catch (IllegalStateException neverStarted) {
            return "never started";
        }
    }
}
