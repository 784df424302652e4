package io.github.memrayjvm.api.session;

/** What {@link LiveSession#awaitUpdate} found. */
public enum SessionEvent {
    /** Nothing new arrived in time. */
    NONE,
    /** A snapshot was applied to the state. */
    SNAPSHOT,
    /** The session ended (the program exited or the connection was lost); the state is final. */
    ENDED
}
