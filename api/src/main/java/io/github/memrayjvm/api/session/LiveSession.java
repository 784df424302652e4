package io.github.memrayjvm.api.session;

import io.github.memrayjvm.api.model.SessionInfo;
import java.time.Duration;

/**
 * A viewer's session with a tracked program, as a renderer sees it.
 *
 * <p>Threading: the state changes only inside {@link #awaitUpdate}, on the caller's thread, so a
 * renderer that calls {@code awaitUpdate} and reads {@link #state()} on the same thread never
 * sees it change underneath. {@link #close()} may be called from any thread.
 *
 * <p>Lifecycle: live until {@code awaitUpdate} returns {@link SessionEvent#ENDED} (then the state
 * is final and stays readable) or until {@link #close()}.
 */
public interface LiveSession extends AutoCloseable {

    /** What the tracked side said about itself; never {@code null}. */
    SessionInfo info();

    /** The state so far; never {@code null}; read it on the thread that calls awaitUpdate. */
    SessionState state();

    /**
     * Waits up to {@code timeout} for news and applies it: the next complete snapshot, or the
     * end. One snapshot per call, so a renderer sees every snapshot; call again with a zero
     * timeout to catch up.
     *
     * @return {@link SessionEvent#ENDED} once the session has ended (on this and every later
     *         call), {@link SessionEvent#SNAPSHOT} if a snapshot was applied, else
     *         {@link SessionEvent#NONE}
     */
    SessionEvent awaitUpdate(Duration timeout) throws InterruptedException;

    /** Disconnects (the tracked program goes on). Idempotent; never throws. */
    @Override
    void close();
}
