package io.github.memrayjvm.renderer.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.memrayjvm.api.ApiVersion;
import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.api.render.RendererContext;
import io.github.memrayjvm.api.render.RendererProvider;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TextRendererProviderTest {

    @Test
    void isFoundByNameThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(RendererProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals("text")))
                .singleElement()
                .satisfies(provider -> {
                    assertThat(provider).isInstanceOf(TextRendererProvider.class);
                    assertThat(provider.apiVersion()).isEqualTo(ApiVersion.CURRENT);
                    assertThat(provider.description()).isNotBlank();
                });
    }

    /** The test JVM's standard output is a pipe to the build, like {@code memray live > file}. */
    @Test
    void refusesWhenStandardOutputIsNotATerminalAndSuggestsJson() {
        RendererContext context = new RendererContext(System.in, System.out, System.err, Map.of());
        assertThatThrownBy(() -> new TextRendererProvider().create(context))
                .isInstanceOf(MemrayException.class)
                .hasMessageContaining("needs a terminal")
                .hasMessageContaining("--renderer json");
    }
}
