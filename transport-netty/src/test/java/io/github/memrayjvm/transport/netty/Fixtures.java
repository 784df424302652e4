package io.github.memrayjvm.transport.netty;

import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.transport.ClientConfig;
import io.github.memrayjvm.api.transport.ServerConfig;
import io.github.memrayjvm.api.transport.ViewerChannel;
import io.github.memrayjvm.api.transport.ViewerHandler;
import io.github.memrayjvm.api.wire.Greeting;
import io.github.memrayjvm.api.wire.Hello;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.WireCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/** Shared test data and a recording {@link ViewerHandler}. */
final class Fixtures {

    static final SessionInfo INFO = new SessionInfo(4242, "com.example.App --flag", "17.0.15",
            1_700_000_000_000L, 250,
            List.of(new TrackerDescriptor("jfr", Memory.JAVA_HEAP, Figures.ALLOCATED, true, false,
                    "", "JFR allocation samples")),
            List.of("heap"));
    static final Hello HELLO = new Hello(WireCodec.PROTOCOL_VERSION, INFO);
    static final Duration WAIT = Duration.ofSeconds(10);

    private Fixtures() {
    }

    static Greeting greeting(String token) {
        return new Greeting(WireCodec.PROTOCOL_VERSION, token, "transport test");
    }

    static ClientConfig client(int port, Greeting greeting) {
        return client(port, greeting, Duration.ofSeconds(5), 64);
    }

    static ClientConfig client(int port, Greeting greeting, Duration timeout, int capacity) {
        return new ClientConfig("127.0.0.1", port, greeting, timeout, capacity);
    }

    static ServerConfig server(Duration greetingTimeout) {
        return new ServerConfig("127.0.0.1", 0, new CountingThreads("memray-test-io"),
                greetingTimeout);
    }

    /** Daemon threads with a name prefix, remembered so tests can check they all stopped. */
    static final class CountingThreads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();
        final List<Thread> made = new CopyOnWriteArrayList<>();

        CountingThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            made.add(thread);
            return thread;
        }
    }

    /** A rejection as reported to the handler. */
    record Rejection(String remote, String problem) {
    }

    /**
     * A handler that answers with a given policy (accept all by default) and records every call.
     */
    static final class RecordingHandler implements ViewerHandler {
        private final BiFunction<Greeting, ViewerChannel, Message> policy;
        final BlockingQueue<Greeting> greetings = new LinkedBlockingQueue<>();
        final BlockingQueue<ViewerChannel> accepted = new LinkedBlockingQueue<>();
        final BlockingQueue<ViewerChannel> closed = new LinkedBlockingQueue<>();
        final BlockingQueue<Rejection> rejected = new LinkedBlockingQueue<>();
        final Map<ViewerChannel, AtomicInteger> closeCounts = new ConcurrentHashMap<>();

        RecordingHandler() {
            this((greeting, channel) -> HELLO);
        }

        RecordingHandler(BiFunction<Greeting, ViewerChannel, Message> policy) {
            this.policy = policy;
        }

        @Override
        public Message onGreeting(Greeting greeting, ViewerChannel channel) {
            greetings.add(greeting);
            Message answer = policy.apply(greeting, channel);
            if (answer instanceof Hello) {
                accepted.add(channel);
            }
            return answer;
        }

        @Override
        public void onClosed(ViewerChannel channel) {
            closeCounts.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet();
            closed.add(channel);
        }

        @Override
        public void onRejected(String remoteAddress, String problem) {
            rejected.add(new Rejection(remoteAddress, problem));
        }

        ViewerChannel nextAccepted() throws InterruptedException {
            return take(accepted);
        }

        Rejection nextRejection() throws InterruptedException {
            return take(rejected);
        }

        ViewerChannel nextClosed() throws InterruptedException {
            return take(closed);
        }

        private static <T> T take(BlockingQueue<T> queue) throws InterruptedException {
            T next = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                throw new AssertionError("nothing within " + WAIT);
            }
            return next;
        }
    }
}
