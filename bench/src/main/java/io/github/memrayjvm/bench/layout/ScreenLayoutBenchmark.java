package io.github.memrayjvm.bench.layout;

import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.renderer.text.layout.Glyphs;
import io.github.memrayjvm.renderer.text.layout.Screen;
import io.github.memrayjvm.renderer.text.layout.ScreenLayout;
import io.github.memrayjvm.renderer.text.view.ViewState;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: one 120×40 screen of the live view from a session of {@code threads} threads and
 * {@code stacks} distinct stacks. Run with {@code bench/run.sh --jmh ScreenLayoutBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScreenLayoutBenchmark {

    @Param({"1000:100000", "10:1000"})
    public String threadsAndStacks;

    private SessionState state;
    private ViewState view;
    private ZonedDateTime now;

    @Setup
    public void setUp() {
        String[] parts = threadsAndStacks.split(":");
        state = SyntheticSession.build(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        view = ViewState.initial(state.info());
        now = ZonedDateTime.now();
    }

    @Benchmark
    public Screen screen() {
        return ScreenLayout.render(state, view, 120, 40, now, Glyphs.UNICODE);
    }
}
