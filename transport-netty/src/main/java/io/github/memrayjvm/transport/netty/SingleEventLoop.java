package io.github.memrayjvm.transport.netty;

import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.ThreadPerTaskExecutor;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Makes the one NIO event loop a server or a client runs on: its thread comes from the given
 * factory, and shutting it down starts no other thread.
 *
 * <p>Why not a plain {@link NioEventLoopGroup}: a group listens for the termination of each of its
 * loops, and Netty runs such listeners on its {@code GlobalEventExecutor}, whose thread is not a
 * daemon, is not ours, and lingers a second after its last task, so the JVM's exit waits for it.
 * Here the group serves only as a factory: its own bookkeeping is handed an idle placeholder
 * (never started, so never terminating), and the real loop, made with the group's
 * {@link NioEventLoopGroup#newChild}, has no termination listener. The loop is used directly as
 * the bootstraps' group and shut down directly. Nothing else may add a listener to its
 * termination future (that is why clients connect without Netty's address resolver).
 */
final class SingleEventLoop extends NioEventLoopGroup {

    /** Set by {@link #newChild} while the super constructor runs (hence no initialiser). */
    private EventLoop loop;

    private SingleEventLoop(Executor executor) {
        super(1, executor);
    }

    /**
     * A new loop whose one thread will be made by {@code threadFactory} on first use.
     *
     * @throws IOException if the loop's selector cannot be opened (out of file descriptors)
     */
    static EventLoop create(ThreadFactory threadFactory) throws IOException {
        try {
            return new SingleEventLoop(new ThreadPerTaskExecutor(threadFactory)).loop;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException("cannot start an event loop: " + OneLine.problem(cause), cause);
        }
    }

    /**
     * Shuts {@code loop} down at once (no quiet period) and waits for its thread to finish, at
     * most {@code wait}. Pending tasks run first (closing channels, calling handlers).
     */
    static void shutdown(EventLoop loop, Duration wait) {
        loop.shutdownGracefully(0, wait.toMillis(), TimeUnit.MILLISECONDS);
        if (loop.inEventLoop()) {
            return; // it finishes once the current task returns
        }
        try {
            loop.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected EventLoop newChild(Executor executor, Object... args) throws Exception {
        loop = super.newChild(executor, args);
        return new SingleThreadEventLoop(this, executor, false) {
            @Override
            protected void run() {
                // a placeholder: never started
            }
        };
    }
}
