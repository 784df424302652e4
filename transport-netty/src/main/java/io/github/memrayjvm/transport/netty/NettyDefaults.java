package io.github.memrayjvm.transport.netty;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.internal.logging.InternalLoggerFactory;

/**
 * How this transport sets Netty up, in code: the agent relocates Netty, which renames every
 * {@code -Dio.netty.*} property, so nothing here may depend on the user's command line.
 *
 * <ul>
 *   <li>Netty's own log goes nowhere ({@link QuietLoggerFactory}): left alone it picks the
 *       program's SLF4J or Log4j and can print dozens of debug lines into the program's output.
 *       Every problem this transport can have reaches its caller as an exception or a
 *       {@link io.github.memrayjvm.api.transport.ViewerHandler} call instead.</li>
 *   <li>Netty does not use {@code sun.misc.Unsafe}: on JDK 24 and later its first memory access
 *       prints a warning to the program's standard error. The transport moves a few small
 *       frames a second; the safe code paths are plenty.</li>
 *   <li>Buffers are unpooled heap buffers ({@link #allocator()}): the pooled allocator would
 *       reserve megabytes of direct memory in the tracked program for a few kilobytes a
 *       second. Netty's default allocator is set to unpooled too: its {@code ByteBufUtil}
 *       otherwise builds the pooled allocator's arenas when first used (some 60 KB of long-lived
 *       objects that the program's first young collections copy).</li>
 * </ul>
 *
 * <p>{@link #apply()} must run before any other Netty class is used; the provider calls it at
 * the start of {@code listen} and {@code connect}. Idempotent and thread-safe. This class
 * itself touches no Netty class until then.
 */
final class NettyDefaults {

    /**
     * The property Netty reads once, when it first looks at the platform. Written as a literal
     * so that relocating Netty relocates it too.
     */
    static final String NO_UNSAFE_PROPERTY = "io.netty.noUnsafe";

    /** The property that chooses Netty's default allocator, a literal for the same reason. */
    static final String ALLOCATOR_TYPE_PROPERTY = "io.netty.allocator.type";

    private NettyDefaults() {
    }

    /** Applies the settings (once; later calls do nothing). */
    static void apply() {
        allocator();
    }

    /** Unpooled heap buffers without leak tracking (heap buffers are garbage collected). */
    static ByteBufAllocator allocator() {
        return Holder.ALLOCATOR;
    }

    /**
     * Applies the settings exactly once, when first touched (class initialisation is atomic),
     * in this order: the log and the property before the first Netty class that reads them.
     */
    private static final class Holder {

        static final ByteBufAllocator ALLOCATOR;

        static {
            InternalLoggerFactory.setDefaultFactory(QuietLoggerFactory.INSTANCE);
            if (System.getProperty(NO_UNSAFE_PROPERTY) == null) {
                System.setProperty(NO_UNSAFE_PROPERTY, "true");
            }
            if (System.getProperty(ALLOCATOR_TYPE_PROPERTY) == null) {
                System.setProperty(ALLOCATOR_TYPE_PROPERTY, "unpooled");
            }
            ALLOCATOR = new UnpooledByteBufAllocator(false, true);
        }
    }
}
