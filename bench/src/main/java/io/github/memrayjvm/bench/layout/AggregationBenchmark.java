package io.github.memrayjvm.bench.layout;

import io.github.memrayjvm.api.aggregate.Aggregation;
import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.model.Counter;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.api.wire.Counters;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.WireCodec;
import io.github.memrayjvm.api.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
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
 * JMH: the viewer's aggregation of a session into the table of locations (all threads merged),
 * and the wire codec on a message of one counter per stack, for sessions of the scale
 * benchmark's size and a small one. Run with {@code bench/run.sh --jmh AggregationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AggregationBenchmark {

    @Param({"1000:100000", "10:1000"})
    public String threadsAndStacks;

    private SessionState state;
    private Counters counters;
    private byte[] frame;

    @Setup
    public void setUp() {
        String[] parts = threadsAndStacks.split(":");
        int threads = Integer.parseInt(parts[0]);
        int stacks = Integer.parseInt(parts[1]);
        state = SyntheticSession.build(threads, stacks);
        List<Counter> list = new ArrayList<>();
        for (int stack = 0; stack < stacks; stack++) {
            list.add(new Counter(stack % threads + 1, stack, 4096, 16, 1024, 4));
        }
        counters = new Counters(0, false, list);
        frame = WireCodec.encodeFrame(counters);
    }

    @Benchmark
    public LocationTable aggregate() {
        return Aggregation.table(state, 0, Figures.ALLOCATED, OptionalLong.empty());
    }

    @Benchmark
    public byte[] encodeCounters() {
        return WireCodec.encodeFrame(counters);
    }

    @Benchmark
    public Message decodeCounters() throws WireFormatException {
        return WireCodec.decodeBody(ByteBuffer.wrap(frame, WireCodec.LENGTH_PREFIX_BYTES,
                frame.length - WireCodec.LENGTH_PREFIX_BYTES).slice());
    }
}
