package io.github.memrayjvm.tracker.natives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.memrayjvm.api.MemrayException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeOptionsTest {

    @Test
    void exactWithJavaFramesByDefault() {
        assertThat(NativeOptions.from(Map.of())).isEqualTo(new NativeOptions(0, true));
    }

    @Test
    void readsSamplingBytesWithSuffixes() {
        assertThat(NativeOptions.from(Map.of("native-sampling", "524288")).samplingInterval()).isEqualTo(524288);
        assertThat(NativeOptions.from(Map.of("native-sampling", "512k")).samplingInterval()).isEqualTo(524288);
        assertThat(NativeOptions.from(Map.of("native-sampling", "2M")).samplingInterval()).isEqualTo(2 << 20);
        assertThat(NativeOptions.from(Map.of("native-java-frames", "false")).javaFrames()).isFalse();
    }

    @Test
    void badValuesAreClearErrors() {
        assertThatThrownBy(() -> NativeOptions.from(Map.of("native-sampling", "lots")))
                .isInstanceOf(MemrayException.class).hasMessageContaining("native-sampling 'lots'");
        assertThatThrownBy(() -> NativeOptions.from(Map.of("native-sampling", "-5")))
                .isInstanceOf(MemrayException.class);
        assertThatThrownBy(() -> NativeOptions.from(Map.of("native-java-frames", "maybe")))
                .isInstanceOf(MemrayException.class).hasMessageContaining("true or false");
    }
}
