package io.github.memrayjvm.api.session;

import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.transport.ViewerLink;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.Sample;
import io.github.memrayjvm.api.wire.WireFormatException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LiveSession} fed by a transport's {@link ViewerLink}. Messages are held until the
 * {@link Sample} that completes their snapshot arrives, so the state only ever shows whole
 * snapshots.
 */
public final class RemoteSession implements LiveSession {

    private final ViewerLink link;
    private final SessionState state;
    private final List<Message> pending = new ArrayList<>();

    public RemoteSession(ViewerLink link) {
        this.link = link;
        this.state = new SessionState(link.hello().info());
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
        if (state.ended()) {
            return SessionEvent.ENDED;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Message message = link.poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (message == null) {
                return SessionEvent.NONE;
            }
            if (message instanceof End end) {
                pending.clear();
                applySafely(end);
                link.close();
                return SessionEvent.ENDED;
            }
            pending.add(message);
            if (message instanceof Sample) {
                for (Message m : pending) {
                    if (!applySafely(m)) {
                        link.close();
                        return SessionEvent.ENDED;
                    }
                }
                pending.clear();
                return SessionEvent.SNAPSHOT;
            }
        }
    }

    private boolean applySafely(Message message) {
        try {
            state.apply(message);
            return true;
        } catch (WireFormatException e) {
            pending.clear();
            try {
                state.apply(new End(state.sample(), "connection dropped: " + e.getMessage()));
            } catch (WireFormatException impossible) {
                throw new IllegalStateException(impossible);
            }
            return false;
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
