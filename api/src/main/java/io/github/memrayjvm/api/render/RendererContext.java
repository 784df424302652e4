package io.github.memrayjvm.api.render;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * What a renderer is given.
 *
 * @param in      the viewer's standard input; never {@code null}
 * @param out     the viewer's standard output; never {@code null}
 * @param err     the viewer's standard error; never {@code null}
 * @param options renderer options given by the user, by key; never {@code null}, unmodifiable
 */
public record RendererContext(InputStream in, PrintStream out, PrintStream err,
                              Map<String, String> options) {

    public RendererContext {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        options = Map.copyOf(options);
    }
}
