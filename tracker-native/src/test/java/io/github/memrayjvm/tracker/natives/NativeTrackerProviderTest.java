package io.github.memrayjvm.tracker.natives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.api.tracker.TrackerProvider;
import io.github.memrayjvm.testkit.TrackerTestKit;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class NativeTrackerProviderTest {

    private final NativeTrackerProvider provider = new NativeTrackerProvider();

    @Test
    void isFoundByServiceLoaderAndRunsOnlyWhenNamed() {
        assertThat(ServiceLoader.load(TrackerProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(NativeTrackerProvider.class);
        assertThat(provider.name()).isEqualTo("native");
        assertThat(provider.defaultPriority()).isZero();
    }

    @Test
    void isNotAvailableWithoutThePreloadedLibraryAndSaysWhatToDo() {
        // This test JVM was not started with LD_PRELOAD.
        assertThat(provider.availability().available()).isFalse();
        assertThat(provider.availability().reason()).contains("LD_PRELOAD", "libmemraynative.so");
        assertThatThrownBy(() -> TrackerTestKit.tracker(provider).run(() -> { }))
                .isInstanceOf(MemrayException.class).hasMessageContaining("cannot run here");
    }
}
