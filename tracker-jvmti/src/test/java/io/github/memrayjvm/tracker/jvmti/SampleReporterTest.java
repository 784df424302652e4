package io.github.memrayjvm.tracker.jvmti;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleReporterTest {

    private final RecordingSink sink = new RecordingSink();
    private final Thread worker = new Thread(() -> { }, "worker");
    private final Thread own = new Thread(() -> { }, "memray-snapshot");
    private final SampleReporter reporter =
            new SampleReporter(sink, id -> id == own.getId());

    @Test
    void methodsBecomeJavaLocationsAndStacksMapToThem() {
        reporter.addMethods(new String[] {
            "com.example.Cache", "put", "Cache.java",
            "com.example.Main", "main", "Main.java"});
        reporter.addStacks(new int[] {2, 0, 1, 1, 1});

        assertThat(sink.locations).containsExactly("com.example.Cache.put|Cache.java|JAVA",
                "com.example.Main.main|Main.java|JAVA");
        assertThat(sink.stacks).containsExactly(new int[] {0, 1}, new int[] {1});
        assertThat(reporter.methodCount()).isEqualTo(2);
        assertThat(reporter.stackCount()).isEqualTo(2);
    }

    @Test
    void countersAreReportedUnderTheThreadsJavaIdWithItsName() {
        reporter.addMethods(new String[] {"A", "a", "A.java"});
        reporter.addStacks(new int[] {1, 0});
        assertThat(reporter.addThreads(new Thread[] {worker})).isEmpty();

        reporter.report(new long[] {0, 0, 1000, 3, 0, 0});
        reporter.report(new long[] {0, 0, 0, 0, 400, 1});

        long id = worker.getId();
        assertThat(sink.calls).containsExactly("thread " + id + " worker",
                "allocated " + id + " 0 1000 3", "freed " + id + " 0 400 1");
    }

    @Test
    void aRenamedThreadIsNamedAgain() {
        reporter.addMethods(new String[] {"A", "a", "A.java"});
        reporter.addStacks(new int[] {1, 0});
        reporter.addThreads(new Thread[] {worker});
        reporter.report(new long[] {0, 0, 10, 1, 0, 0});
        worker.setName("worker-renamed");
        reporter.report(new long[] {0, 0, 10, 1, 0, 0});

        assertThat(sink.calls).filteredOn(c -> c.startsWith("thread"))
                .containsExactly("thread " + worker.getId() + " worker",
                        "thread " + worker.getId() + " worker-renamed");
    }

    @Test
    void memraysOwnAndUnknownThreadsAreLeftOutAndTheirIndicesReturned() {
        reporter.addMethods(new String[] {"A", "a", "A.java"});
        reporter.addStacks(new int[] {1, 0});

        int[] ignored = reporter.addThreads(new Thread[] {worker, own, null});
        reporter.report(new long[] {1, 0, 10, 1, 0, 0, 2, 0, 10, 1, 0, 0});

        assertThat(ignored).containsExactly(1, 2);
        assertThat(reporter.threadCount()).isEqualTo(3);
        assertThat(sink.calls).isEmpty();
    }

    @Test
    void aStackWithoutJavaFramesGetsARowOfItsOwn() {
        reporter.addStacks(new int[] {0});

        assertThat(sink.locations).containsExactly("(no Java frames)||OTHER");
        assertThat(sink.stacks).containsExactly(new int[] {0});
    }

    @Test
    void tablesGrowPastTheirFirstSize() {
        String[] methods = new String[3 * 1000];
        int[] stacks = new int[2 * 1000];
        for (int i = 0; i < 1000; i++) {
            methods[3 * i] = "C" + i;
            methods[3 * i + 1] = "m";
            methods[3 * i + 2] = "";
            stacks[2 * i] = 1;
            stacks[2 * i + 1] = i;
        }
        reporter.addMethods(methods);
        reporter.addStacks(stacks);

        assertThat(reporter.methodCount()).isEqualTo(1000);
        assertThat(reporter.stackCount()).isEqualTo(1000);
        assertThat(sink.stacks.get(999)).containsExactly(999);
    }
}
