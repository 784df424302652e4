package io.github.memrayjvm.api.render;

import io.github.memrayjvm.api.NamedProvider;

/**
 * Service-provider interface of a renderer: how a viewer presents a live session (the
 * full-screen {@code text} view, {@code json} lines, ...).
 *
 * <p>Register an implementation in
 * {@code META-INF/services/io.github.memrayjvm.api.render.RendererProvider}; selected with
 * {@code memray live --renderer NAME}.
 */
public interface RendererProvider extends NamedProvider {

    /**
     * Creates a renderer, checking that it can work here (e.g. the full-screen view needs a
     * terminal). Called once, before connecting, so the user learns of a problem before the
     * program is released.
     *
     * @throws io.github.memrayjvm.api.MemrayException if it cannot work here; the message says
     *                                                 what to do instead
     */
    Renderer create(RendererContext context);
}
