package io.github.memrayjvm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    record Fake(String name, int apiVersion) implements NamedProvider {
        @Override
        public String description() {
            return "fake " + name;
        }
    }

    static ProviderLoader loaderOf(List<Fake> fakes, String brokenLine) {
        return new ProviderLoader() {
            @Override
            @SuppressWarnings("unchecked")
            public <P> List<P> load(Class<P> type, List<String> broken) {
                if (brokenLine != null) {
                    broken.add(brokenLine);
                }
                return new ArrayList<>((List<P>) fakes);
            }
        };
    }

    @Test
    void findsByNameAndListsTheNamesWhenUnknown() {
        Providers<Fake> providers = Providers.load(Fake.class, "tracker", loaderOf(List.of(
                new Fake("jfr", ApiVersion.CURRENT), new Fake("native", ApiVersion.CURRENT)),
                "com.x.Broken could not be instantiated"));
        assertThat(providers.require("jfr").name()).isEqualTo("jfr");
        assertThatThrownBy(() -> providers.require("jvmtii"))
                .isInstanceOf(MemrayException.class)
                .hasMessageContaining("unknown tracker 'jvmtii'; available: jfr, native")
                .hasMessageContaining("com.x.Broken could not be instantiated");
    }

    @Test
    void refusesAProviderBuiltForAnotherApiVersionNamingBoth() {
        Providers<Fake> providers = Providers.load(Fake.class, "tracker",
                loaderOf(List.of(new Fake("old", ApiVersion.CURRENT + 1)), null));
        assertThatThrownBy(() -> providers.require("old"))
                .hasMessageContaining("built for memray API version " + (ApiVersion.CURRENT + 1))
                .hasMessageContaining("this memray has API version " + ApiVersion.CURRENT);
    }

    @Test
    void aDuplicateNameKeepsTheFirstAndSaysSo() {
        Providers<Fake> providers = Providers.load(Fake.class, "renderer", loaderOf(List.of(
                new Fake("json", ApiVersion.CURRENT), new Fake("json", ApiVersion.CURRENT)), null));
        assertThat(providers.all()).hasSize(1);
        assertThat(providers.problems()).singleElement().asString().contains("provided twice");
    }
}
