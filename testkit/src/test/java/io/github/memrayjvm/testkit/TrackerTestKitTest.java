package io.github.memrayjvm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.memrayjvm.api.ApiVersion;
import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.tracker.Availability;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerContext;
import io.github.memrayjvm.api.tracker.TrackerProvider;
import org.junit.jupiter.api.Test;

class TrackerTestKitTest {

    /** Reports one allocation of {@code size} bytes per call of {@link #allocate}. */
    static final class CountingProvider implements TrackerProvider {
        final int version;
        static TrackerContext context;

        CountingProvider(int version) {
            this.version = version;
        }

        static void allocate(long size) {
            var sink = context.sink();
            int inner = sink.location("Work.allocate", "Work.java", Domain.JAVA);
            int outer = sink.location("Work.main", "Work.java", Domain.JAVA);
            sink.thread(Thread.currentThread().getId(), Thread.currentThread().getName());
            sink.allocated(Thread.currentThread().getId(), sink.stack(new int[] {inner, outer}),
                    size, 1);
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public int apiVersion() {
            return version;
        }

        @Override
        public String description() {
            return "counts calls";
        }

        @Override
        public Availability availability() {
            return Availability.yes();
        }

        @Override
        public Tracker create(TrackerContext ctx) {
            context = ctx;
            return new Tracker() {
                @Override
                public TrackerDescriptor descriptor() {
                    return new TrackerDescriptor("counting", Memory.OTHER, Figures.ALLOCATED,
                            false, false, "", "");
                }

                @Override
                public void start() {
                    ctx.warn("started with size=" + ctx.options().get("size"));
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Test
    void reportsWhatTheTrackerSawAsAViewerWouldShowIt() throws Exception {
        TrackerRun run = TrackerTestKit.tracker(new CountingProvider(ApiVersion.CURRENT))
                .option("size", "24")
                .run(() -> {
                    for (int i = 0; i < 10; i++) {
                        CountingProvider.allocate(24);
                    }
                });
        assertThat(run.warnings()).containsExactly("started with size=24");
        assertThat(run.row("Work.allocate")).hasValueSatisfying(r -> {
            assertThat(r.own()).isEqualTo(240);
            assertThat(r.allocations()).isEqualTo(10);
        });
        assertThat(run.row("Work.main").orElseThrow().own()).isZero();
        assertThat(run.shareOfTotal("Work.main")).isEqualTo(100.0);
        assertThat(run.state().threads()).containsValue(Thread.currentThread().getName());
    }

    @Test
    void refusesAProviderOfAnotherApiVersion() {
        assertThatThrownBy(() -> TrackerTestKit.tracker(new CountingProvider(ApiVersion.CURRENT + 7))
                .run(() -> { }))
                .isInstanceOf(MemrayException.class)
                .hasMessageContaining("API version " + (ApiVersion.CURRENT + 7));
    }
}
