package io.github.memrayjvm.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.wire.WireFormatException;
import io.netty.handler.codec.DecoderException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OneLineTest {

    @Test
    void addressesReadAsUsersWriteThem() throws Exception {
        assertThat(OneLine.address(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 4242)))
                .isEqualTo("127.0.0.1:4242");
        assertThat(OneLine.address(new InetSocketAddress(InetAddress.getByName("::1"), 4242)))
                .isEqualTo("[0:0:0:0:0:0:0:1]:4242");
        assertThat(OneLine.address("::1", 80)).isEqualTo("[::1]:80");
        assertThat(OneLine.address("localhost", 80)).isEqualTo("localhost:80");
    }

    @Test
    void durationsAreShort() {
        assertThat(OneLine.duration(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(OneLine.duration(Duration.ofSeconds(5))).isEqualTo("5 s");
        assertThat(OneLine.duration(Duration.ofMillis(1500))).isEqualTo("1.5 s");
    }

    @Test
    void problemsAreTheCausesOwnMessageOnOneLine() {
        assertThat(OneLine.problem(new DecoderException(new WireFormatException("bad\n  length"))))
                .isEqualTo("bad length");
        assertThat(OneLine.problem(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
