package io.github.memrayjvm.tracker.natives;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Location;
import org.junit.jupiter.api.Test;

class SymbolizerTest {

    private final FakeSource source = new FakeSource();

    @Test
    void javaFramesBecomeJavaLocations() {
        source.methods.put(0x1000L, new String[] {"Ljava/nio/ByteBuffer;", "allocateDirect", "ByteBuffer.java"});
        source.methods.put(0x2000L, new String[] {"Lcom/example/Gen;", "make", null});
        Symbolizer symbolizer = new Symbolizer(source, path -> null);

        assertThat(symbolizer.locate(NativeBridge.JAVA_FRAME | 0x1000L))
                .isEqualTo(new Location("java.nio.ByteBuffer.allocateDirect", "ByteBuffer.java", Domain.JAVA));
        assertThat(symbolizer.locate(NativeBridge.JAVA_FRAME | 0x2000L))
                .isEqualTo(new Location("com.example.Gen.make", "", Domain.JAVA));
        assertThat(symbolizer.locate(NativeBridge.JAVA_FRAME | 0x3000L)).isEqualTo(Symbolizer.UNLOADED_METHOD);
    }

    @Test
    void nativeFramesAreNamedFromTheLibraryAndDemangled() {
        source.moduleBase = 0x7f0000000000L;
        source.modules.put(0x7f0000001233L, "/usr/lib/jvm/lib/server/libjvm.so");
        source.modules.put(0x7f0000009999L, "/usr/lib/jvm/lib/server/libjvm.so");
        ElfSymbols symbols = ElfSymbolsFixture.withFunction(0x1200, 0x100, "_ZN2os6mallocEm");
        Symbolizer symbolizer = new Symbolizer(source, path -> symbols);

        // Return addresses: the call is one byte before.
        assertThat(symbolizer.locate(0x7f0000001234L))
                .isEqualTo(new Location("os::malloc(unsigned long)", "libjvm.so", Domain.NATIVE));
        assertThat(symbolizer.locate(0x7f000000999aL))
                .isEqualTo(new Location("libjvm.so+0x9999", "libjvm.so", Domain.NATIVE));
        assertThat(symbolizer.locate(0x1234L)).isEqualTo(Symbolizer.UNKNOWN_CODE);
    }

    @Test
    void classSignaturesBecomeClassNames() {
        assertThat(Symbolizer.className("Ljava/util/zip/Deflater;")).isEqualTo("java.util.zip.Deflater");
        assertThat(Symbolizer.className("[B")).isEqualTo("[B");
    }
}
