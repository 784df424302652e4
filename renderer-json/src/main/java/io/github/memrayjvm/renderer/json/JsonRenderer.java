package io.github.memrayjvm.renderer.json;

import io.github.memrayjvm.api.render.Renderer;
import io.github.memrayjvm.api.session.LiveSession;
import io.github.memrayjvm.api.session.SessionEvent;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Writes one JSON line per snapshot to standard output, then a {@code disconnected} line when the
 * session ends, and returns 0.
 */
final class JsonRenderer implements Renderer {

    private final PrintStream out;

    JsonRenderer(PrintStream out) {
        this.out = out;
    }

    @Override
    public int render(LiveSession session) throws InterruptedException {
        while (true) {
            SessionEvent event = session.awaitUpdate(Duration.ofSeconds(1));
            if (event == SessionEvent.SNAPSHOT) {
                out.println(SnapshotJson.snapshot(session.state()));
                out.flush();
            } else if (event == SessionEvent.ENDED) {
                out.println(SnapshotJson.disconnected(session.state()));
                out.flush();
                return 0;
            }
        }
    }
}
