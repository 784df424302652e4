package io.github.memrayjvm.transport.netty;

import io.github.memrayjvm.api.transport.ClientConfig;
import io.github.memrayjvm.api.wire.Hello;
import io.github.memrayjvm.api.wire.WireCodec;
import io.github.memrayjvm.api.wire.WireFormatException;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connects a viewer: one event loop of its own (a daemon thread named
 * {@code memray-viewer-io-N}), the connection, the greeting and its answer, all within the
 * handshake timeout. Stateless; any thread.
 */
final class TcpClient {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ThreadFactory DAEMONS = task -> {
        Thread thread = new Thread(task, "memray-viewer-io-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    };
    private static final Duration SHUTDOWN_WAIT = Duration.ofMillis(500);

    private TcpClient() {
    }

    /** See {@link io.github.memrayjvm.api.transport.TransportProvider#connect}. */
    static TcpViewerLink connect(ClientConfig config) throws IOException {
        if (config.handshakeTimeout().isNegative() || config.handshakeTimeout().isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be positive: "
                    + config.handshakeTimeout());
        }
        String server = OneLine.address(config.host(), config.port());
        long deadline = System.nanoTime() + config.handshakeTimeout().toNanos();
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        if (address.isUnresolved()) {
            throw new UnknownHostException("cannot connect to " + server + ": unknown host "
                    + config.host());
        }
        EventLoop loop = SingleEventLoop.create(DAEMONS);
        InboundQueue inbound = new InboundQueue(config.queueCapacity());
        ClientConnection connection = new ClientConnection(server, config.greeting(), inbound);
        Channel channel = null;
        try {
            channel = open(loop, connection, config.handshakeTimeout());
            connect(channel, address, server, deadline);
            Hello hello = awaitHandshake(connection, server, config.handshakeTimeout(), deadline);
            return new TcpViewerLink(server, hello, channel, loop, connection, inbound);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            SingleEventLoop.shutdown(loop, SHUTDOWN_WAIT);
            throw e;
        }
    }

    private static Channel open(EventLoop loop, ClientConnection connection, Duration timeout)
            throws IOException {
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.ALLOCATOR, NettyDefaults.allocator())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(
                                new FrameDecoder(WireCodec.MAX_FRAME_BYTES, "frame limit"),
                                connection);
                    }
                });
        // registering and connecting apart keeps Netty's address resolver, which would watch
        // the loop's termination from Netty's global thread, out of the way (see SingleEventLoop)
        ChannelFuture registered = bootstrap.register().awaitUninterruptibly();
        if (!registered.isSuccess()) {
            registered.channel().close();
            throw new IOException("cannot open a connection: "
                    + OneLine.problem(registered.cause()), registered.cause());
        }
        return registered.channel();
    }

    private static void connect(Channel channel, InetSocketAddress address, String server,
                                long deadline) throws IOException {
        ChannelFuture connected = channel.connect(address);
        try {
            // Netty fails the connection itself at its connect timeout; the margin lets it
            if (!connected.await(remainingNanos(deadline) + TimeUnit.MILLISECONDS.toNanos(200),
                    TimeUnit.NANOSECONDS)) {
                throw new ConnectException("cannot connect to " + server + ": timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + server);
        }
        if (!connected.isSuccess()) {
            Throwable cause = connected.cause();
            String text = "cannot connect to " + server + ": "
                    + OneLine.problem(cause).toLowerCase(Locale.ROOT);
            if (cause instanceof ConnectException) {
                ConnectException failure = new ConnectException(text);
                failure.initCause(cause);
                throw failure;
            }
            throw new IOException(text, cause);
        }
    }

    private static Hello awaitHandshake(ClientConnection connection, String server,
                                        Duration timeout, long deadline) throws IOException {
        try {
            return connection.handshake().get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new WireFormatException(server + " is not a memray server (no answer to the"
                    + " greeting within " + OneLine.duration(timeout) + ")");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failure) {
                throw failure;
            }
            throw new IOException(server + ": " + OneLine.problem(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while greeting " + server);
        }
    }

    private static long remainingNanos(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
