package io.github.memrayjvm.api.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HiddenClassNamesTest {

    @Test
    void lambdasLoseTheirCounterAndAddress() {
        assertThat(HiddenClassNames.stable(
                "com.x.App$$Lambda$147+0x00007fc178164868.617901222.run"))
                .isEqualTo("com.x.App$$Lambda.run");
        assertThat(HiddenClassNames.stable("com.x.App$$Lambda$14/0x0000000800c0b448.run"))
                .isEqualTo("com.x.App$$Lambda.run");
        assertThat(HiddenClassNames.stable("com.x.App$$Lambda/0x00007f3c9c00a000.apply"))
                .isEqualTo("com.x.App$$Lambda.apply");
    }

    @Test
    void otherHiddenClassesLoseTheirAddress() {
        assertThat(HiddenClassNames.stable(
                "java.lang.invoke.LambdaForm$MH/0x0000000800c04c00.invoke"))
                .isEqualTo("java.lang.invoke.LambdaForm$MH.invoke");
    }

    @Test
    void ordinaryNamesAreLeftAlone() {
        assertThat(HiddenClassNames.stable("com.x.App$Inner.lambda$main$0"))
                .isEqualTo("com.x.App$Inner.lambda$main$0");
        assertThat(HiddenClassNames.stable("deflateInit2_")).isEqualTo("deflateInit2_");
    }
}
