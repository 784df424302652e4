package io.github.memrayjvm.api.wire;

import io.github.memrayjvm.api.model.Counter;
import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.HistoryPoint;
import io.github.memrayjvm.api.model.Location;
import io.github.memrayjvm.api.model.Memory;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.ThreadInfo;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of the live protocol. Pure and stateless; safe to use from any thread.
 *
 * <p>A frame is a 4-byte big-endian length {@code n} ({@code 1 <= n <=} {@link #MAX_FRAME_BYTES})
 * followed by {@code n} bytes of body: a 1-byte message type and its payload. Numbers are
 * unsigned LEB128 varints (zig-zag first where they may be negative), strings a varint length and
 * UTF-8 bytes. {@link Greeting}, {@link Hello} and {@link Refused} start with the 8-byte magic
 * {@code MEMRAYJV} and a 2-byte version, a layout that never changes, so peers of different
 * versions and peers that are not memray at all are told apart cleanly.
 *
 * <p>Decoding checks every length and count against the bytes at hand and every value against
 * its range: any input either decodes or raises {@link WireFormatException}, and never makes the
 * decoder allocate more than a small multiple of the input's size.
 */
public final class WireCodec {

    /** The protocol version this code speaks. */
    public static final int PROTOCOL_VERSION = 1;
    /** The largest frame body accepted or produced. */
    public static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;
    /** The longest string, in UTF-8 bytes. */
    public static final int MAX_STRING_BYTES = 64 * 1024;
    /** The deepest stack. */
    public static final int MAX_STACK_DEPTH = 4096;
    /** The most trackers or gauges in one session. */
    public static final int MAX_TRACKERS = 64;
    /** The size of the length prefix of every frame. */
    public static final int LENGTH_PREFIX_BYTES = 4;

    static final byte[] MAGIC = "MEMRAYJV".getBytes(StandardCharsets.US_ASCII);

    private static final int GREETING = 1;
    private static final int HELLO = 2;
    private static final int REFUSED = 3;
    private static final int DEFINITIONS = 4;
    private static final int COUNTERS = 5;
    private static final int SAMPLE = 6;
    private static final int END = 7;

    private WireCodec() {
    }

    /**
     * Encodes a message as a whole frame, length prefix included.
     *
     * @throws IllegalArgumentException if the message does not fit in a frame (the producer must
     *                                  split it) or holds values the protocol cannot carry
     */
    public static byte[] encodeFrame(Message message) {
        WireWriter out = new WireWriter(64);
        out.i32(0);
        writeBody(message, out);
        int bodyLength = out.size() - LENGTH_PREFIX_BYTES;
        if (bodyLength > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("message of " + bodyLength
                    + " bytes exceeds the frame limit of " + MAX_FRAME_BYTES + "; split it");
        }
        out.putIntAt(0, bodyLength);
        return out.toByteArray();
    }

    /**
     * Checks a frame's length prefix.
     *
     * @return the body length
     * @throws WireFormatException if it is not in {@code [1, MAX_FRAME_BYTES]}
     */
    public static int checkFrameLength(int length) throws WireFormatException {
        if (length < 1 || length > MAX_FRAME_BYTES) {
            throw new WireFormatException("frame length " + Integer.toUnsignedString(length)
                    + " is outside 1.." + MAX_FRAME_BYTES + " (not a memray peer?)");
        }
        return length;
    }

    /**
     * Decodes one frame body (the bytes after the length prefix). Consumes the whole buffer.
     *
     * @throws ProtocolVersionException for a greeting or hello of another protocol version
     * @throws WireFormatException      for anything that is not a valid message
     */
    public static Message decodeBody(ByteBuffer body) throws WireFormatException {
        WireReader in = new WireReader(body.slice());
        int type = in.u8();
        Message message = switch (type) {
            case GREETING -> readGreeting(in);
            case HELLO -> readHello(in);
            case REFUSED -> readRefused(in);
            case DEFINITIONS -> readDefinitions(in);
            case COUNTERS -> readCounters(in);
            case SAMPLE -> readSample(in);
            case END -> new End(in.varLong(Long.MAX_VALUE, "sample"), in.string());
            default -> throw new WireFormatException("unknown message type " + type);
        };
        if (in.remaining() != 0) {
            throw new WireFormatException(in.remaining() + " unexpected bytes after a "
                    + message.getClass().getSimpleName() + " message");
        }
        return message;
    }

    private static void writeBody(Message message, WireWriter out) {
        if (message instanceof Greeting g) {
            out.u8(GREETING);
            writeMagic(out, g.protocolVersion());
            out.string(g.token());
            out.string(g.client());
        } else if (message instanceof Hello h) {
            out.u8(HELLO);
            writeMagic(out, h.protocolVersion());
            writeSessionInfo(h.info(), out);
        } else if (message instanceof Refused r) {
            out.u8(REFUSED);
            writeMagic(out, PROTOCOL_VERSION);
            out.u8(r.reason().ordinal());
            out.string(r.message());
        } else if (message instanceof Definitions d) {
            writeDefinitions(d, out);
        } else if (message instanceof Counters c) {
            writeCounters(c, out);
        } else if (message instanceof Sample s) {
            writeSample(s, out);
        } else if (message instanceof End e) {
            out.u8(END);
            out.varLong(e.sample());
            out.string(e.reason());
        } else {
            throw new IllegalArgumentException("unknown message " + message);
        }
    }

    private static void writeMagic(WireWriter out, int version) {
        out.raw(MAGIC);
        out.u16(version);
    }

    /** Reads the magic and the version; the caller decides what another version means. */
    private static int readMagic(WireReader in) throws WireFormatException {
        byte[] magic = new byte[MAGIC.length];
        in.raw(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new WireFormatException("the peer is not speaking the memray protocol");
        }
        return in.u16();
    }

    private static Greeting readGreeting(WireReader in) throws WireFormatException {
        int version = readMagic(in);
        if (version != PROTOCOL_VERSION) {
            throw new ProtocolVersionException(version);
        }
        return new Greeting(version, in.string(), in.string());
    }

    private static Hello readHello(WireReader in) throws WireFormatException {
        int version = readMagic(in);
        if (version != PROTOCOL_VERSION) {
            throw new ProtocolVersionException(version);
        }
        return new Hello(version, readSessionInfo(in));
    }

    private static Refused readRefused(WireReader in) throws WireFormatException {
        readMagic(in); // a refusal is understood whatever the version
        int reason = in.u8();
        Refused.Reason[] reasons = Refused.Reason.values();
        return new Refused(reason < reasons.length ? reasons[reason] : Refused.Reason.OTHER,
                in.string());
    }

    private static void writeSessionInfo(SessionInfo info, WireWriter out) {
        out.varLong(info.pid());
        out.string(info.command());
        out.string(info.javaVersion());
        out.varLong(info.startEpochMillis());
        out.varInt(info.intervalMillis());
        out.varInt(info.trackers().size());
        for (TrackerDescriptor t : info.trackers()) {
            out.string(t.name());
            out.u8(t.memory().ordinal());
            out.u8(t.figures().ordinal());
            out.bool(t.estimate());
            out.bool(t.reportsFrees());
            out.string(t.gauge());
            out.string(t.detail());
        }
        out.varInt(info.gauges().size());
        for (String gauge : info.gauges()) {
            out.string(gauge);
        }
    }

    private static SessionInfo readSessionInfo(WireReader in) throws WireFormatException {
        long pid = in.varLong(Long.MAX_VALUE, "pid");
        String command = in.string();
        String javaVersion = in.string();
        long start = in.varLong(Long.MAX_VALUE, "start time");
        int interval = in.varInt(3_600_000, "snapshot interval");
        int trackerCount = in.count(7, "tracker");
        if (trackerCount > MAX_TRACKERS) {
            throw new WireFormatException("too many trackers: " + trackerCount);
        }
        List<TrackerDescriptor> trackers = new ArrayList<>(trackerCount);
        for (int i = 0; i < trackerCount; i++) {
            trackers.add(new TrackerDescriptor(in.string(), enumValue(Memory.values(), in.u8()),
                    enumValue(Figures.values(), in.u8()), in.bool(), in.bool(), in.string(),
                    in.string()));
        }
        int gaugeCount = in.count(1, "gauge");
        if (gaugeCount > MAX_TRACKERS) {
            throw new WireFormatException("too many gauges: " + gaugeCount);
        }
        List<String> gauges = new ArrayList<>(gaugeCount);
        for (int i = 0; i < gaugeCount; i++) {
            gauges.add(in.string());
        }
        return new SessionInfo(pid, command, javaVersion, start, interval, trackers, gauges);
    }

    private static void writeDefinitions(Definitions d, WireWriter out) {
        out.u8(DEFINITIONS);
        out.varInt(d.firstLocationId());
        out.varInt(d.locations().size());
        for (Location location : d.locations()) {
            out.string(location.function());
            out.string(location.file());
            out.u8(location.domain().ordinal());
        }
        out.varInt(d.firstStackId());
        out.varInt(d.stacks().size());
        for (int[] stack : d.stacks()) {
            if (stack.length > MAX_STACK_DEPTH) {
                throw new IllegalArgumentException("stack deeper than " + MAX_STACK_DEPTH);
            }
            out.varInt(stack.length);
            for (int id : stack) {
                out.varInt(id);
            }
        }
        out.varInt(d.threads().size());
        for (ThreadInfo thread : d.threads()) {
            out.signedVarLong(thread.id());
            out.string(thread.name());
        }
    }

    private static Definitions readDefinitions(WireReader in) throws WireFormatException {
        int firstLocation = in.varInt(Integer.MAX_VALUE, "location id");
        int locationCount = in.count(3, "location");
        List<Location> locations = new ArrayList<>(locationCount);
        for (int i = 0; i < locationCount; i++) {
            locations.add(new Location(in.string(), in.string(),
                    enumValue(Domain.values(), in.u8())));
        }
        int firstStack = in.varInt(Integer.MAX_VALUE, "stack id");
        int stackCount = in.count(1, "stack");
        List<int[]> stacks = new ArrayList<>(stackCount);
        for (int i = 0; i < stackCount; i++) {
            int depth = in.count(1, "stack frame");
            if (depth > MAX_STACK_DEPTH) {
                throw new WireFormatException("stack deeper than " + MAX_STACK_DEPTH + ": " + depth);
            }
            int[] frames = new int[depth];
            for (int f = 0; f < depth; f++) {
                frames[f] = in.varInt(Integer.MAX_VALUE, "location id");
            }
            stacks.add(frames);
        }
        int threadCount = in.count(2, "thread");
        List<ThreadInfo> threads = new ArrayList<>(threadCount);
        for (int i = 0; i < threadCount; i++) {
            threads.add(new ThreadInfo(in.signedVarLong(), in.string()));
        }
        return new Definitions(firstLocation, locations, firstStack, stacks, threads);
    }

    private static void writeCounters(Counters c, WireWriter out) {
        out.u8(COUNTERS);
        out.varInt(c.tracker());
        out.bool(c.absolute());
        out.varInt(c.counters().size());
        for (Counter counter : c.counters()) {
            out.signedVarLong(counter.thread());
            out.varInt(counter.stack());
            out.varLong(counter.allocatedBytes());
            out.varLong(counter.allocations());
            out.varLong(counter.freedBytes());
            out.varLong(counter.frees());
        }
    }

    private static Counters readCounters(WireReader in) throws WireFormatException {
        int tracker = in.varInt(MAX_TRACKERS - 1, "tracker index");
        boolean absolute = in.bool();
        int count = in.count(6, "counter");
        List<Counter> counters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            counters.add(new Counter(in.signedVarLong(), in.varInt(Integer.MAX_VALUE, "stack id"),
                    in.varLong(Long.MAX_VALUE, "bytes"), in.varLong(Long.MAX_VALUE, "count"),
                    in.varLong(Long.MAX_VALUE, "bytes"), in.varLong(Long.MAX_VALUE, "count")));
        }
        return new Counters(tracker, absolute, counters);
    }

    private static void writeSample(Sample s, WireWriter out) {
        out.u8(SAMPLE);
        out.varLong(s.sample());
        out.varLong(s.elapsedMillis());
        out.varInt(s.points().size());
        for (HistoryPoint point : s.points()) {
            out.varLong(point.sample());
            out.varLong(point.elapsedMillis());
            writeLongs(point.values(), out);
        }
        writeLongs(s.peaks(), out);
        out.varLong(s.dropped());
    }

    private static Sample readSample(WireReader in) throws WireFormatException {
        long sample = in.varLong(Long.MAX_VALUE, "sample");
        long elapsed = in.varLong(Long.MAX_VALUE, "elapsed time");
        int pointCount = in.count(3, "history point");
        List<HistoryPoint> points = new ArrayList<>(pointCount);
        for (int i = 0; i < pointCount; i++) {
            points.add(new HistoryPoint(in.varLong(Long.MAX_VALUE, "sample"),
                    in.varLong(Long.MAX_VALUE, "elapsed time"), readLongs(in)));
        }
        long[] peaks = readLongs(in);
        return new Sample(sample, elapsed, points, peaks, in.varLong(Long.MAX_VALUE, "dropped"));
    }

    private static void writeLongs(long[] values, WireWriter out) {
        out.varInt(values.length);
        for (long value : values) {
            out.varLong(value);
        }
    }

    private static long[] readLongs(WireReader in) throws WireFormatException {
        int count = in.count(1, "gauge value");
        if (count > MAX_TRACKERS) {
            throw new WireFormatException("too many gauge values: " + count);
        }
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.varLong(Long.MAX_VALUE, "gauge value");
        }
        return values;
    }

    private static <E> E enumValue(E[] values, int ordinal) throws WireFormatException {
        if (ordinal >= values.length) {
            throw new WireFormatException("unknown " + values[0].getClass().getSimpleName()
                    + " code " + ordinal);
        }
        return values[ordinal];
    }
}
