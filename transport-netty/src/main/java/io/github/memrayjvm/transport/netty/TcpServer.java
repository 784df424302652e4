package io.github.memrayjvm.transport.netty;

import io.github.memrayjvm.api.transport.ServerConfig;
import io.github.memrayjvm.api.transport.TransportServer;
import io.github.memrayjvm.api.transport.ViewerHandler;
import io.github.memrayjvm.api.wire.WireCodec;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The tracked side's listening socket and its connections, on one event loop whose thread comes
 * from {@link ServerConfig#threadFactory()}. Thread-safe.
 */
final class TcpServer implements TransportServer {

    /**
     * The largest frame accepted from a connection: a greeting is a type byte, the magic, the
     * version and two strings of bounded length. Until a connection has greeted, the transport
     * keeps no more than this for it.
     */
    static final int MAX_GREETING_BYTES = 1 + 8 + 2 + 2 * (3 + WireCodec.MAX_STRING_BYTES);
    /** Unsent bytes for one viewer beyond which it is not writable. */
    static final int HIGH_WATER_MARK = 1024 * 1024;
    /** Unsent bytes for one viewer below which it is writable again. */
    static final int LOW_WATER_MARK = 256 * 1024;

    private static final Duration BIND_WAIT = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_WAIT = Duration.ofMillis(500);

    private final EventLoop loop;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Channel listening;
    private InetSocketAddress boundAddress;

    private TcpServer(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * Binds {@code config}'s address and starts accepting; returns once bound.
     *
     * @throws BindException        the address is taken or cannot be bound here
     * @throws UnknownHostException the host does not resolve
     * @throws IOException          other failures
     */
    static TcpServer start(ServerConfig config, ViewerHandler handler) throws IOException {
        if (config.greetingTimeout().isNegative() || config.greetingTimeout().isZero()) {
            throw new IllegalArgumentException("greetingTimeout must be positive: "
                    + config.greetingTimeout());
        }
        String where = OneLine.address(config.host(), config.port());
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        if (address.isUnresolved()) {
            throw new UnknownHostException("cannot listen on " + where + ": unknown host "
                    + config.host());
        }
        TcpServer server = new TcpServer(SingleEventLoop.create(config.threadFactory()));
        // SO_REUSEADDR stays the JDK's: on for Unix (a fixed port is free again right after the
        // previous run), off on Windows (where it would let two servers share a port)
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(server.loop)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.ALLOCATOR, NettyDefaults.allocator())
                .childOption(ChannelOption.ALLOCATOR, NettyDefaults.allocator())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(LOW_WATER_MARK, HIGH_WATER_MARK))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(
                                new FrameDecoder(MAX_GREETING_BYTES, "greeting limit"),
                                new ServerConnection(handler, config.greetingTimeout(),
                                        server.closed::get));
                    }
                });
        ChannelFuture bound = bootstrap.bind(address);
        if (!bound.awaitUninterruptibly(BIND_WAIT.toMillis()) || !bound.isSuccess()) {
            bound.channel().close();
            SingleEventLoop.shutdown(server.loop, SHUTDOWN_WAIT);
            throw bindFailure(where, bound);
        }
        server.listening = bound.channel();
        server.boundAddress = (InetSocketAddress) bound.channel().localAddress();
        return server;
    }

    private static IOException bindFailure(String where, ChannelFuture bound) {
        Throwable cause = bound.cause();
        if (cause == null) {
            return new BindException("cannot listen on " + where + ": no answer within "
                    + OneLine.duration(BIND_WAIT));
        }
        String text = "cannot listen on " + where + ": "
                + OneLine.problem(cause).toLowerCase(Locale.ROOT);
        if (cause instanceof BindException) {
            BindException failure = new BindException(text);
            failure.initCause(cause);
            return failure;
        }
        return new IOException(text, cause);
    }

    @Override
    public InetSocketAddress localAddress() {
        return boundAddress;
    }

    /**
     * Closes the listening socket and every connection, and stops the event loop: connections
     * still open get their {@code onRejected} or {@code onClosed} call on the way. Waits for
     * that at most half a second (not at all when called from a handler).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            listening.close();
        } finally {
            // shutting the loop down closes every channel registered with it
            SingleEventLoop.shutdown(loop, SHUTDOWN_WAIT);
        }
    }

    @Override
    public String toString() {
        return "tcp server on " + OneLine.address(boundAddress);
    }
}
