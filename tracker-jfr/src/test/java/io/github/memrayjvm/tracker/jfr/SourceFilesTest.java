package io.github.memrayjvm.tracker.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceFilesTest {

    @Test
    void topLevelClassGivesItsSimpleName() {
        assertThat(SourceFiles.derivedFrom("com.example.Cache")).isEqualTo("Cache.java");
    }

    @Test
    void nestedClassGivesItsTopLevelClass() {
        assertThat(SourceFiles.derivedFrom("com.example.Cache$Entry$Node"))
                .isEqualTo("Cache.java");
    }

    @Test
    void lambdaClassAsJfrNamesItGivesItsHostClass() {
        assertThat(SourceFiles.derivedFrom(
                "io.github.memrayjvm.examples.workloads.PerThreadSites$$Lambda$106"
                        + "+0x00007fc4340079c0.1344199921")).isEqualTo("PerThreadSites.java");
        assertThat(SourceFiles.derivedFrom("com.example.Main$$Lambda/0x0000000800c03000"))
                .isEqualTo("Main.java");
    }

    @Test
    void classWithoutPackage() {
        assertThat(SourceFiles.derivedFrom("Main")).isEqualTo("Main.java");
        assertThat(SourceFiles.derivedFrom("Main$1")).isEqualTo("Main.java");
    }

    @Test
    void nothingToDeriveGivesEmpty() {
        assertThat(SourceFiles.derivedFrom("")).isEmpty();
        assertThat(SourceFiles.derivedFrom("com.example.$Proxy")).isEmpty();
    }
}
