package io.github.memrayjvm.api.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WireCodecTest {

    static final SessionInfo INFO = new SessionInfo(4242, "com.example.App --flag é", "17.0.15",
            1_700_000_000_000L, 250,
            List.of(new TrackerDescriptor("jfr", Memory.JAVA_HEAP, Figures.ALLOCATED, true, false,
                    "", "JFR allocation samples"),
                    new TrackerDescriptor("native", Memory.NATIVE, Figures.LIVE, false, true,
                            "native", "")),
            List.of("heap", "native"));

    static Message roundTrip(Message message) throws WireFormatException {
        byte[] frame = WireCodec.encodeFrame(message);
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        int length = WireCodec.checkFrameLength(buffer.getInt());
        assertThat(length).isEqualTo(frame.length - 4);
        return WireCodec.decodeBody(buffer);
    }

    @Test
    void everyMessageSurvivesARoundTrip() throws Exception {
        assertThat(roundTrip(new Greeting(WireCodec.PROTOCOL_VERSION, "s3cret", "test")))
                .isEqualTo(new Greeting(WireCodec.PROTOCOL_VERSION, "s3cret", "test"));
        assertThat(roundTrip(new Hello(WireCodec.PROTOCOL_VERSION, INFO)))
                .isEqualTo(new Hello(WireCodec.PROTOCOL_VERSION, INFO));
        assertThat(roundTrip(new Refused(Refused.Reason.BUSY, "already being watched")))
                .isEqualTo(new Refused(Refused.Reason.BUSY, "already being watched"));
        assertThat(roundTrip(new End(17, "program exited"))).isEqualTo(new End(17, "program exited"));
        Sample sample = new Sample(3, 750,
                List.of(new HistoryPoint(3, 750, new long[] {123_456_789L, 0})),
                new long[] {200_000_000L, 5}, 2);
        assertThat(roundTrip(sample)).isEqualTo(sample);
        Counters counters = new Counters(1, true, List.of(
                new Counter(1, 0, 1024, 2, 0, 0), new Counter(-77, 3, Long.MAX_VALUE, 1, 5, 1)));
        assertThat(roundTrip(counters)).isEqualTo(counters);
    }

    @Test
    void definitionsKeepStacksAndNegativeThreadIds() throws Exception {
        Definitions d = new Definitions(5,
                List.of(new Location("a.B.c", "B.java", Domain.JAVA),
                        new Location("malloc", "libc.so.6", Domain.NATIVE)),
                2, List.of(new int[] {5, 6, 5}, new int[0]),
                List.of(new ThreadInfo(1, "main"), new ThreadInfo(-12345, "native")));
        Definitions back = (Definitions) roundTrip(d);
        assertThat(back.firstLocationId()).isEqualTo(5);
        assertThat(back.locations()).isEqualTo(d.locations());
        assertThat(back.firstStackId()).isEqualTo(2);
        assertThat(back.stacks()).hasSize(2);
        assertThat(back.stacks().get(0)).containsExactly(5, 6, 5);
        assertThat(back.stacks().get(1)).isEmpty();
        assertThat(back.threads()).isEqualTo(d.threads());
    }

    @Test
    void frameLengthsOutsideTheLimitAreRefused() {
        assertThatThrownBy(() -> WireCodec.checkFrameLength(0))
                .isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> WireCodec.checkFrameLength(WireCodec.MAX_FRAME_BYTES + 1))
                .isInstanceOf(WireFormatException.class);
        // "GET " read as a length: an HTTP client is not a memray viewer
        int http = ByteBuffer.wrap("GET ".getBytes(StandardCharsets.US_ASCII)).getInt();
        assertThatThrownBy(() -> WireCodec.checkFrameLength(http))
                .hasMessageContaining("not a memray peer");
    }

    @Test
    void everyTruncationOfEveryMessageIsAFormatError() throws Exception {
        List<Message> messages = List.of(new Greeting(1, "t", "c"), new Hello(1, INFO),
                new Refused(Refused.Reason.TOKEN, "bad token"),
                new Definitions(0, List.of(new Location("f", "x.c", Domain.NATIVE)), 0,
                        List.of(new int[] {0, 0}), List.of(new ThreadInfo(3, "w"))),
                new Counters(0, false, List.of(new Counter(1, 0, 300, 1, 0, 0))),
                new Sample(1, 2, List.of(new HistoryPoint(1, 2, new long[] {9, 9})),
                        new long[] {9, 9}, 0),
                new End(1, "bye"));
        for (Message message : messages) {
            byte[] body = Arrays.copyOfRange(WireCodec.encodeFrame(message), 4,
                    WireCodec.encodeFrame(message).length);
            for (int cut = 0; cut < body.length; cut++) {
                ByteBuffer truncated = ByteBuffer.wrap(body, 0, cut);
                assertThatThrownBy(() -> WireCodec.decodeBody(truncated))
                        .as("%s cut at %d", message, cut)
                        .isInstanceOf(WireFormatException.class);
            }
            byte[] longer = Arrays.copyOf(body, body.length + 1);
            assertThatThrownBy(() -> WireCodec.decodeBody(ByteBuffer.wrap(longer)))
                    .hasMessageContaining("unexpected bytes");
        }
    }

    @Test
    void anotherProtocolVersionIsRecognisedAsSuch() {
        byte[] frame = WireCodec.encodeFrame(new Greeting(99, "", "future"));
        ByteBuffer body = ByteBuffer.wrap(frame, 4, frame.length - 4);
        assertThatThrownBy(() -> WireCodec.decodeBody(body))
                .isInstanceOf(ProtocolVersionException.class)
                .hasMessageContaining("version 99")
                .satisfies(e -> assertThat(((ProtocolVersionException) e).peerVersion()).isEqualTo(99));
    }

    @Test
    void aGreetingWithoutTheMagicIsNotMemray() {
        byte[] body = new byte[20];
        body[0] = 1;
        assertThatThrownBy(() -> WireCodec.decodeBody(ByteBuffer.wrap(body)))
                .hasMessageContaining("not speaking the memray protocol");
    }

    @Test
    void forgedCountsCannotMakeTheDecoderAllocate() {
        // a Counters message claiming 2^31-1 counters in a few bytes
        byte[] body = {5, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};
        assertThatThrownBy(() -> WireCodec.decodeBody(ByteBuffer.wrap(body)))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("count");
    }

    @Test
    void numbersTheEncoderCannotWriteAreRefused() {
        // found by WireCodecFuzzTest: an End whose sample number is Long.MIN_VALUE
        byte[] end = HexFormat.of().parseHex("07808080808080808080010944656d6f2e6a617661");
        assertThatThrownBy(() -> WireCodec.decodeBody(ByteBuffer.wrap(end)))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("sample out of range");
        // a Hello whose pid is -1
        ByteBuffer hello = ByteBuffer.allocate(1 + 8 + 2 + 10);
        hello.put((byte) 2).put(WireCodec.MAGIC).putShort((short) WireCodec.PROTOCOL_VERSION);
        for (int i = 0; i < 9; i++) {
            hello.put((byte) 0xFF);
        }
        hello.put((byte) 0x01).flip();
        assertThatThrownBy(() -> WireCodec.decodeBody(hello))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("pid out of range");
    }

    @Test
    void randomBytesNeverEscapeAsAnythingButFormatErrors() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            byte[] body = new byte[1 + random.nextInt(64)];
            random.nextBytes(body);
            body[0] = (byte) (1 + random.nextInt(8));
            try {
                WireCodec.decodeBody(ByteBuffer.wrap(body));
            } catch (WireFormatException expected) {
                // the only acceptable failure
            }
        }
    }

    @Test
    void oversizedMessagesAreRefusedByTheEncoder() {
        String big = "x".repeat(WireCodec.MAX_STRING_BYTES + 1);
        assertThatThrownBy(() -> WireCodec.encodeFrame(new End(1, big)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
