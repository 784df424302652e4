package io.github.memrayjvm.tracker.natives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadDirectoryTest {

    private final Map<Integer, String> osNames = Map.of(
            101, "worker-1", 102, "C2 CompilerThre", 103, "pool-1-thread-1", 104, "pool-1-thread-1",
            105, "ForkJoinPool.co");
    private final ThreadDirectory directory = new ThreadDirectory(osNames::get);

    @Test
    void aThreadWithAJavaIdIsThatJavaThread() {
        directory.update(2, 100, 1, false);
        directory.resolve(Map.of(1L, "main"));
        assertThat(directory.identity(2)).isEqualTo(new ThreadDirectory.Identity(1, "main"));
    }

    @Test
    void anOlderThreadIsFoundByItsUniqueCutName() {
        directory.update(3, 105, 0, false);
        directory.resolve(Map.of(21L, "ForkJoinPool.commonPool-worker-1"));
        assertThat(directory.identity(3)).isEqualTo(
                new ThreadDirectory.Identity(21, "ForkJoinPool.commonPool-worker-1"));
    }

    @Test
    void anAmbiguousNameOrAThreadTheJvmDoesNotKnowGetsItsNegativeTid() {
        directory.update(4, 103, 0, false);
        directory.update(5, 102, 0, false);
        directory.resolve(Map.of(30L, "pool-1-thread-1", 31L, "pool-1-thread-1"));
        assertThat(directory.identity(4)).isEqualTo(new ThreadDirectory.Identity(-103, "pool-1-thread-1"));
        assertThat(directory.identity(5)).isEqualTo(new ThreadDirectory.Identity(-102, "C2 CompilerThre"));
    }

    @Test
    void aJavaThreadClaimedByIdIsNotMatchedByNameAgain() {
        directory.update(2, 101, 7, false);
        directory.update(3, 999, 0, false); // gone: no OS name
        directory.resolve(Map.of(7L, "worker-1"));
        assertThat(directory.identity(2).id()).isEqualTo(7);
        assertThat(directory.identity(3)).isEqualTo(new ThreadDirectory.Identity(-999, "thread 999"));
    }

    @Test
    void renamesAreSeenAndTheOverflowHasItsOwnId() {
        directory.update(2, 100, 1, false);
        directory.update(1, 0, 0, false);
        directory.resolve(Map.of(1L, "main"));
        directory.resolve(Map.of(1L, "renamed"));
        assertThat(directory.identity(2).name()).isEqualTo("renamed");
        assertThat(directory.identity(1).id()).isEqualTo(ThreadDirectory.OVERFLOW_ID);
        assertThat(directory.needsJavaThreads()).isFalse();
    }

    @Test
    void cutsNamesLikeLinux() {
        assertThat(ThreadDirectory.osNameOf("short")).isEqualTo("short");
        assertThat(ThreadDirectory.osNameOf("ForkJoinPool.commonPool-worker-1")).isEqualTo("ForkJoinPool.co");
    }
}
