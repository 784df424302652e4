package io.github.memrayjvm.api.wire.fuzz;

import io.github.memrayjvm.api.model.Counter;
import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.HistoryPoint;
import io.github.memrayjvm.api.model.Location;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.ThreadInfo;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import io.github.memrayjvm.api.wire.Counters;
import io.github.memrayjvm.api.wire.Definitions;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Greeting;
import io.github.memrayjvm.api.wire.Hello;
import io.github.memrayjvm.api.wire.Message;
import io.github.memrayjvm.api.wire.Refused;
import io.github.memrayjvm.api.wire.Sample;
import io.github.memrayjvm.api.wire.WireCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random valid messages of every type, drawn from a seeded generator: the starting points that
 * {@link WireMutator} damages. Sizes are small (a few entries per list) so that mutations land on
 * every field often; numbers favour the edges of their encodings (0, 127, 128, the largest int
 * and long). Pure; not thread-safe (it owns its random generator).
 */
public final class WireMessages {

    private static final long[] EDGE_NUMBERS = {
        0, 1, 2, 127, 128, 255, 16_383, 16_384, 65_535, 65_536, Integer.MAX_VALUE,
        1L << 31, 1L << 32, (1L << 56) - 1, 1L << 56, Long.MAX_VALUE - 1, Long.MAX_VALUE
    };
    private static final String[] WORDS = {
        "", "main", "java.lang.Thread.run", "Demo.java", "heap", "native", "jfr", "jvmti",
        "é", "日本語", "\uD83D\uDE00", "a\u0000b", "program exited", "memray-cli 0.1.0"
    };

    private final SplittableRandom random;

    public WireMessages(SplittableRandom random) {
        this.random = random;
    }

    /** Any message, each type about as often as the others. */
    public Message any() {
        return switch (random.nextInt(7)) {
            case 0 -> greeting();
            case 1 -> hello();
            case 2 -> refused();
            case 3 -> definitions();
            case 4 -> counters();
            case 5 -> sample();
            default -> end();
        };
    }

    /** What a viewer sends: a greeting of this protocol version. */
    public Greeting greeting() {
        return new Greeting(WireCodec.PROTOCOL_VERSION, string(), string());
    }

    /** The tracked side's acceptance. */
    public Hello hello() {
        return new Hello(WireCodec.PROTOCOL_VERSION, sessionInfo());
    }

    /** The tracked side's refusal. */
    public Refused refused() {
        Refused.Reason[] reasons = Refused.Reason.values();
        return new Refused(reasons[random.nextInt(reasons.length)], string());
    }

    /** A snapshot's new locations, stacks and threads. */
    public Definitions definitions() {
        List<Location> locations = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            locations.add(new Location(string(), string(), pick(Domain.values())));
        }
        List<int[]> stacks = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            int[] frames = new int[random.nextInt(9)];
            for (int f = 0; f < frames.length; f++) {
                frames[f] = smallInt();
            }
            stacks.add(frames);
        }
        List<ThreadInfo> threads = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            threads.add(new ThreadInfo(random.nextBoolean() ? -number() : number(), string()));
        }
        return new Definitions(smallInt(), locations, smallInt(), stacks, threads);
    }

    /** A tracker's counters. */
    public Counters counters() {
        List<Counter> counters = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            counters.add(new Counter(random.nextBoolean() ? -number() : number(), smallInt(),
                    number(), number(), number(), number()));
        }
        return new Counters(random.nextInt(WireCodec.MAX_TRACKERS), random.nextBoolean(), counters);
    }

    /** The end of a snapshot. */
    public Sample sample() {
        List<HistoryPoint> points = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            points.add(new HistoryPoint(number(), number(), longs()));
        }
        return new Sample(number(), number(), points, longs(), number());
    }

    /** The end of the session. */
    public End end() {
        return new End(number(), string());
    }

    /**
     * A whole consistent session as the tracked side sends it: a hello, then snapshots
     * (definitions in sequence, counters of known trackers and stacks, a sample with one value
     * per gauge), then maybe an end.
     */
    public List<Message> session() {
        SessionInfo info = sessionInfo();
        int trackers = info.trackers().size();
        int gauges = info.gauges().size();
        List<Message> session = new ArrayList<>();
        session.add(new Hello(WireCodec.PROTOCOL_VERSION, info));
        int locations = 0;
        int stacks = 0;
        int snapshots = 1 + random.nextInt(3);
        for (int snapshot = 1; snapshot <= snapshots; snapshot++) {
            List<Location> newLocations = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                newLocations.add(new Location(string(), string(), pick(Domain.values())));
            }
            int knownLocations = locations + newLocations.size();
            List<int[]> newStacks = new ArrayList<>();
            for (int i = knownLocations == 0 ? 0 : random.nextInt(4); i > 0; i--) {
                int[] frames = new int[1 + random.nextInt(6)];
                for (int f = 0; f < frames.length; f++) {
                    frames[f] = random.nextInt(knownLocations);
                }
                newStacks.add(frames);
            }
            List<ThreadInfo> threads = List.of(new ThreadInfo(random.nextInt(4), string()));
            session.add(new Definitions(locations, newLocations, stacks, newStacks, threads));
            locations = knownLocations;
            stacks += newStacks.size();
            for (int t = 0; t < trackers && stacks > 0; t++) {
                List<Counter> counters = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    long allocated = number();
                    counters.add(new Counter(random.nextInt(4), random.nextInt(stacks), allocated,
                            number(), random.nextBoolean() ? allocated : number(), number()));
                }
                session.add(new Counters(t, random.nextBoolean(), counters));
            }
            long[] values = new long[gauges];
            for (int g = 0; g < gauges; g++) {
                values[g] = number();
            }
            session.add(new Sample(snapshot, number(),
                    List.of(new HistoryPoint(snapshot, number(), values)), values, number()));
        }
        if (random.nextBoolean()) {
            session.add(end());
        }
        return session;
    }

    private SessionInfo sessionInfo() {
        List<TrackerDescriptor> trackers = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            trackers.add(new TrackerDescriptor(string(), pick(Memory.values()),
                    pick(Figures.values()), random.nextBoolean(), random.nextBoolean(), string(),
                    string()));
        }
        List<String> gauges = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            gauges.add(string());
        }
        return new SessionInfo(number(), string(), string(), number(),
                random.nextInt(3_600_001), trackers, gauges);
    }

    private long[] longs() {
        long[] values = new long[random.nextInt(4)];
        for (int i = 0; i < values.length; i++) {
            values[i] = number();
        }
        return values;
    }

    /** A non-negative number, often at an edge of the varint encoding. */
    private long number() {
        return random.nextInt(3) == 0 ? EDGE_NUMBERS[random.nextInt(EDGE_NUMBERS.length)]
                : random.nextLong(1L << (1 + random.nextInt(62)));
    }

    private int smallInt() {
        return random.nextInt(8) == 0 ? Integer.MAX_VALUE : random.nextInt(1 << random.nextInt(20));
    }

    private String string() {
        int kind = random.nextInt(10);
        if (kind < 7) {
            return WORDS[random.nextInt(WORDS.length)];
        }
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(kind == 9 ? 400 : 20); i > 0; i--) {
            text.append((char) (kind == 8 ? random.nextInt(0xD800) : ' ' + random.nextInt(95)));
        }
        return text.toString();
    }

    private <E> E pick(E[] values) {
        return values[random.nextInt(values.length)];
    }
}
