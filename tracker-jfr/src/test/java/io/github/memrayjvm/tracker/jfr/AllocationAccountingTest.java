package io.github.memrayjvm.tracker.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.tracker.AllocationSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationAccountingTest {

    record Reported(long thread, int stack, long bytes, long count) {
    }

    /** Keeps what was reported as allocated, and the thread names. */
    static final class ListSink implements AllocationSink {
        final List<Reported> allocated = new ArrayList<>();
        final List<String> names = new ArrayList<>();

        @Override
        public int location(String function, String file, Domain domain) {
            return 0;
        }

        @Override
        public int stack(int[] locationIds) {
            return 0;
        }

        @Override
        public void allocated(long threadId, int stackId, long bytes, long count) {
            allocated.add(new Reported(threadId, stackId, bytes, count));
        }

        @Override
        public void freed(long threadId, int stackId, long bytes, long count) {
            throw new AssertionError("the jfr tracker reports no frees");
        }

        @Override
        public void thread(long threadId, String name) {
            names.add(threadId + "=" + name);
        }

        @Override
        public void gauge(long current, long peak) {
        }
    }

    static final int UNSAMPLED_STACK = 99;

    private final ListSink sink = new ListSink();
    private final AllocationAccounting accounting =
            new AllocationAccounting(sink, () -> UNSAMPLED_STACK);
    private final ThreadTally worker = new ThreadTally(7, "worker", false, 0);

    @Test
    void countsObjectsAsWeightOverTheSampledObjectSize() {
        accounting.sample(worker, 3, 100, 1_000_000);
        assertThat(sink.allocated).isEmpty();

        accounting.newTlab(worker, 100, 4112, 65_536);

        assertThat(sink.allocated).containsExactly(new Reported(7, 3, 1_000_000, 243));
        assertThat(sink.names).containsExactly("7=worker");
    }

    @Test
    void aSampleCountsAtLeastOneObject() {
        accounting.sample(worker, 3, 100, 1000);
        accounting.outsideTlab(worker, 100, 524_304);

        assertThat(sink.allocated).containsExactly(new Reported(7, 3, 1000, 1));
    }

    @Test
    void anAllocationOfAnotherClassIsNotTheSampledOne() {
        accounting.sample(worker, 3, 100, 8000);
        accounting.newTlab(worker, 200, 16, 1024);
        assertThat(sink.allocated).isEmpty();

        accounting.endOfBatch();

        assertThat(sink.allocated).containsExactly(new Reported(7, 3, 8000, 1));
    }

    @Test
    void withoutItsSizeASampleUsesTheLastSizeSeenAtItsStack() {
        accounting.sample(worker, 3, 100, 3200);
        accounting.newTlab(worker, 100, 32, 1024);
        accounting.sample(worker, 3, 100, 6400);
        accounting.sample(worker, 4, 100, 500);
        accounting.endOfBatch();

        assertThat(sink.allocated).containsExactly(new Reported(7, 3, 3200, 100),
                new Reported(7, 3, 6400, 200), new Reported(7, 4, 500, 1));
    }

    @Test
    void endOfBatchReportsEachWaitingSampleOnce() {
        ThreadTally other = new ThreadTally(8, "other", false, 0);
        accounting.sample(worker, 3, 100, 64);
        accounting.sample(other, 5, 100, 128);
        accounting.endOfBatch();
        accounting.endOfBatch();
        accounting.newTlab(worker, 100, 16, 1024);

        assertThat(sink.allocated).containsExactly(new Reported(7, 3, 64, 1),
                new Reported(8, 5, 128, 1));
    }

    @Test
    void whatAThreadAllocatedBeforeStartIsTakenOffItsFirstSampleOnly() {
        ThreadTally old = new ThreadTally(1, "main", false, 10_000);
        accounting.sample(old, 3, 100, 12_000);
        accounting.newTlab(old, 100, 20, 1024);
        accounting.sample(old, 3, 100, 12_000);
        accounting.newTlab(old, 100, 20, 1024);

        assertThat(sink.allocated).containsExactly(new Reported(1, 3, 2000, 100),
                new Reported(1, 3, 12_000, 600));
    }

    @Test
    void aFirstSampleWithinTheBaselineReportsNothing() {
        ThreadTally old = new ThreadTally(1, "main", false, 10_000);
        accounting.sample(old, 3, 100, 9000);
        accounting.newTlab(old, 100, 20, 1024);
        accounting.endOfBatch();

        assertThat(sink.allocated).isEmpty();
        assertThat(old.unreportedBaseline).isZero();
    }

    @Test
    void whatAThreadAllocatedAfterItsLastSampleIsReportedWhenItFinishes() {
        accounting.sample(worker, 3, 100, 5000);
        accounting.newTlab(worker, 100, 50, 1000); // the sampled allocation, in a new TLAB
        accounting.newTlab(worker, 100, 50, 2000); // leaves the 1000-byte TLAB
        accounting.outsideTlab(worker, 100, 700);
        accounting.newTlab(worker, 100, 50, 4000); // leaves the 2000-byte TLAB

        accounting.finish(worker);

        // The last TLAB (4000 bytes) is left out: how much of it was used is unknown.
        assertThat(sink.allocated).containsExactly(new Reported(7, 3, 5000, 100),
                new Reported(7, 3, 3700, 74));
    }

    @Test
    void theSampledAllocationIsNotCountedTwice() {
        accounting.newTlab(worker, 100, 50, 1000);
        accounting.sample(worker, 3, 100, 800_000);
        accounting.outsideTlab(worker, 100, 524_304); // counted in the sample's weight
        accounting.finish(worker);
        assertThat(sink.allocated).containsExactly(new Reported(7, 3, 800_000, 2));

        // The TLAB in use at the sample is counted when it is left, as JFR's next weight would.
        accounting.newTlab(worker, 100, 50, 2000);
        accounting.finish(worker);
        assertThat(sink.allocated).endsWith(new Reported(7, 3, 1000, 1));
    }

    @Test
    void whatAThreadNeverSampledAllocatedIsReportedAsNotSampled() {
        accounting.newTlab(worker, 100, 50, 1000);
        accounting.newTlab(worker, 100, 50, 1000);
        accounting.outsideTlab(worker, 100, 70_000);

        accounting.finish(worker);
        accounting.finish(worker);

        assertThat(sink.allocated).containsExactly(new Reported(7, UNSAMPLED_STACK, 71_000, 1));
    }
}
