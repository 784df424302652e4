package io.github.memrayjvm.renderer.text;

import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.session.LiveSession;
import io.github.memrayjvm.api.session.SessionEvent;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link LiveSession} fed by the test: {@link #offer} queues a snapshot (its messages), which
 * the renderer applies on its own thread at its next {@link #awaitUpdate}, like a real session.
 */
public final class ScriptedSession implements LiveSession {

    private final SessionState state;
    private final BlockingQueue<List<Message>> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile RuntimeException failure;

    public ScriptedSession(SessionInfo info) {
        this.state = new SessionState(info);
    }

    /** Queues one snapshot (or an {@link End}). */
    public void offer(List<Message> messages) {
        queue.add(List.copyOf(messages));
    }

    /** Makes the next {@link #awaitUpdate} throw {@code e}. */
    public void failWith(RuntimeException e) {
        failure = e;
    }

    public boolean closed() {
        return closed.get();
    }

    @Override
    public SessionInfo info() {
        return state.info();
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public SessionEvent awaitUpdate(Duration timeout) throws InterruptedException {
        if (failure != null) {
            throw failure;
        }
        if (state.ended()) {
            return SessionEvent.ENDED;
        }
        List<Message> next = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        boolean applied = false;
        while (next != null) {
            ShopSession.apply(state, next);
            if (state.ended()) {
                return SessionEvent.ENDED;
            }
            applied = true;
            next = queue.poll();
        }
        return applied ? SessionEvent.SNAPSHOT : SessionEvent.NONE;
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
