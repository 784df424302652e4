package io.github.memrayjvm.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.internal.PlatformDependent;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.InternalLogLevel;
import org.junit.jupiter.api.Test;

/** Netty as the transport sets it up: silent, without {@code sun.misc.Unsafe}, unpooled. */
class NettyDefaultsTest {

    @Test
    void nettyLogsNothingUsesNoUnsafeAndAllocatesUnpooledHeapBuffers() {
        NettyDefaults.apply();
        NettyDefaults.apply();

        InternalLogger logger = InternalLoggerFactory.getInstance("io.netty.Anything");
        assertThat(logger.name()).isEqualTo("io.netty.Anything");
        for (InternalLogLevel level : InternalLogLevel.values()) {
            assertThat(logger.isEnabled(level)).as(level.name()).isFalse();
        }
        logger.error("dropped {}", "quietly", new IllegalStateException("not printed"));
        assertThat(PlatformDependent.hasUnsafe()).isFalse();
        assertThat(NettyDefaults.allocator().isDirectBufferPooled()).isFalse();
        assertThat(NettyDefaults.allocator().buffer(16).isDirect()).isFalse();
        // Netty's own default too: a pooled one would build its arenas in the tracked program
        assertThat(ByteBufAllocator.DEFAULT).isNotInstanceOf(PooledByteBufAllocator.class);
    }
}
