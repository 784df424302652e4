package io.github.memrayjvm.renderer.json;

import io.github.memrayjvm.api.ApiVersion;
import io.github.memrayjvm.api.render.Renderer;
import io.github.memrayjvm.api.render.RendererContext;
import io.github.memrayjvm.api.render.RendererProvider;

/** The {@code json} renderer: one JSON object per snapshot, one per line, on standard output. */
public final class JsonRendererProvider implements RendererProvider {

    @Override
    public String name() {
        return "json";
    }

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "one JSON object per snapshot on standard output, for scripts, CI and logs";
    }

    @Override
    public Renderer create(RendererContext context) {
        return new JsonRenderer(context.out());
    }
}
