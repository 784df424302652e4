package io.github.memrayjvm.agent;

import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.recorder.Recorder;
import io.github.memrayjvm.api.recorder.ViewerCursor;
import io.github.memrayjvm.api.transport.ViewerChannel;
import io.github.memrayjvm.api.transport.ViewerHandler;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Greeting;
import io.github.memrayjvm.api.wire.Hello;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.Refused;
import io.github.memrayjvm.api.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Who may watch, and what each viewer is sent. Lets a viewer in when its token matches and there
 * is room; brings each one up to date at every snapshot, holding back (and later sending the
 * whole state) while a viewer reads too slowly, so the program never waits on a viewer and memory
 * stays bounded. A viewer that has read nothing for {@code stallLimit} (its process stopped, its
 * network gone without a reset) keeps its place until another viewer needs it.
 *
 * <p>Thread-safe: greetings arrive on transport threads, broadcasts run on the snapshot thread.
 */
final class Viewers implements ViewerHandler {

    private static final class Viewer {
        private static final long NOT_STALLED = Long.MIN_VALUE;

        final ViewerChannel channel;
        final ViewerCursor cursor = new ViewerCursor();
        /** When the viewer was first found not reading, or {@link #NOT_STALLED}. */
        volatile long stalledSince = NOT_STALLED;

        Viewer(ViewerChannel channel) {
            this.channel = channel;
        }

        ViewerChannel channel() {
            return channel;
        }

        ViewerCursor cursor() {
            return cursor;
        }
    }

    private static final int STARTUP_WAIT_SECONDS = 10;

    private final Recorder recorder;
    private final CompletableFuture<SessionInfo> info;
    private final String token;
    private final int maxViewers;
    private final AgentLog log;
    private final Runnable onFirstViewer;
    private final LongSupplier nanoClock;
    private final long stallLimitNanos;
    private final List<Viewer> viewers = new CopyOnWriteArrayList<>();
    private boolean ended;
    /**
     * Held while a viewer's messages are taken from the recorder and queued, so that what two
     * threads (the snapshot loop, the exit) send a viewer is never interleaved.
     */
    private final Object sending = new Object();
    /** Guarded by {@link #sending}: the last messages were sent, nothing more may follow. */
    private boolean finished;

    /**
     * @param info          the session, once the trackers are known (a viewer that greets during
     *                      start-up waits for it, briefly)
     * @param token         the secret viewers must present, or empty for none
     * @param maxViewers    how many may watch at once
     * @param onFirstViewer run once, when the first viewer is let in
     * @param nanoClock     the time in nanoseconds, e.g. {@code System::nanoTime}
     * @param stallLimit    how long a viewer may read nothing before a new viewer may take its
     *                      place
     */
    Viewers(Recorder recorder, CompletableFuture<SessionInfo> info, String token, int maxViewers,
            AgentLog log, Runnable onFirstViewer, LongSupplier nanoClock, Duration stallLimit) {
        this.recorder = recorder;
        this.info = info;
        this.token = token;
        this.maxViewers = maxViewers;
        this.log = log;
        this.onFirstViewer = onFirstViewer;
        this.nanoClock = nanoClock;
        this.stallLimitNanos = stallLimit.toNanos();
    }

    @Override
    public synchronized Message onGreeting(Greeting greeting, ViewerChannel channel) {
        if (!token.isEmpty() && !sameSecret(token, greeting.token())) {
            log.line("refused a viewer from " + channel.remoteAddress() + ": "
                    + (greeting.token().isEmpty() ? "no token" : "wrong token"));
            return new Refused(Refused.Reason.TOKEN, greeting.token().isEmpty()
                    ? "this program requires a token: use --token or MEMRAY_LIVE_TOKEN"
                    : "wrong token");
        }
        if (ended) {
            return new Refused(Refused.Reason.OTHER, "the program has ended");
        }
        if (viewers.size() >= maxViewers) {
            dropStalled();
        }
        if (viewers.size() >= maxViewers) {
            return new Refused(Refused.Reason.BUSY, "this program is already being watched by "
                    + viewers.get(0).channel().remoteAddress() + " (at most " + maxViewers
                    + "; run it with --live-viewers N to allow more)");
        }
        SessionInfo session;
        try {
            session = info.get(STARTUP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Refused(Refused.Reason.OTHER, "memray is shutting down");
        } catch (ExecutionException | TimeoutException e) {
            return new Refused(Refused.Reason.OTHER, "memray could not start in the program");
        }
        viewers.add(new Viewer(channel));
        onFirstViewer.run();
        return new Hello(WireCodec.PROTOCOL_VERSION, session);
    }

    /** Makes room: closes the viewers that have read nothing for longer than the limit. */
    private void dropStalled() {
        long now = nanoClock.getAsLong();
        for (Viewer viewer : viewers) {
            long since = viewer.stalledSince;
            if (since != Viewer.NOT_STALLED && now - since >= stallLimitNanos) {
                viewers.remove(viewer);
                viewer.channel().close();
                log.line("dropped the viewer at " + viewer.channel().remoteAddress()
                        + ": it read nothing for " + (now - since) / 1_000_000_000L
                        + " s and another viewer asked to watch");
            }
        }
    }

    private static boolean sameSecret(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void onClosed(ViewerChannel channel) {
        viewers.removeIf(v -> v.channel() == channel);
    }

    @Override
    public void onRejected(String remoteAddress, String problem) {
        log.line("dropped a connection from " + remoteAddress + ": " + problem);
    }

    /** Sends each viewer what it lacks after the last tick. Called on the snapshot thread. */
    void broadcast() {
        synchronized (sending) {
            if (!finished) {
                sendEach();
            }
        }
    }

    private void sendEach() {
        for (Viewer viewer : viewers) {
            if (!viewer.channel().isOpen()) {
                viewers.remove(viewer);
            } else if (viewer.channel().isWritable()) {
                viewer.stalledSince = Viewer.NOT_STALLED;
                for (Message message : recorder.messagesFor(viewer.cursor())) {
                    viewer.channel().send(message);
                }
            } else {
                if (viewer.stalledSince == Viewer.NOT_STALLED) {
                    viewer.stalledSince = nanoClock.getAsLong();
                }
                recorder.skipped(viewer.cursor());
            }
        }
    }

    /** {@code true} while at least one viewer is connected. */
    boolean anyone() {
        return !viewers.isEmpty();
    }

    /**
     * Sends every viewer the last snapshot and {@code end}, then closes the connections; no
     * viewer is let in afterwards.
     *
     * @return completes when everything was written (or could not be)
     */
    CompletableFuture<Void> finish(End end) {
        synchronized (this) {
            ended = true;
        }
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        synchronized (sending) {
            finished = true;
            for (Viewer viewer : viewers) {
                for (Message message : recorder.messagesFor(viewer.cursor())) {
                    writes.add(viewer.channel().send(message));
                }
                writes.add(viewer.channel().send(end));
                viewer.channel().close();
            }
        }
        return CompletableFuture.allOf(writes.stream()
                .map(f -> f.exceptionally(e -> null))
                .toArray(CompletableFuture[]::new));
    }
}
