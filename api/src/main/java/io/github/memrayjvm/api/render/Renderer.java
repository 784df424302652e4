package io.github.memrayjvm.api.render;

import io.github.memrayjvm.api.session.LiveSession;

/**
 * Presents one live session until it is done.
 *
 * <p>Threading: {@link #render} is called once, on a thread it may keep as long as it needs;
 * it calls {@link LiveSession#awaitUpdate} and reads the state on that thread.
 */
public interface Renderer {

    /**
     * Presents the session; returns when the renderer is done (the user quit, or, for
     * non-interactive renderers, the session ended). Must leave the terminal as it found it,
     * also when interrupted or failing.
     *
     * @return the exit status for the viewer process (0 for a normal end)
     * @throws Exception for an unexpected failure; the message is shown to the user
     */
    int render(LiveSession session) throws Exception;
}
