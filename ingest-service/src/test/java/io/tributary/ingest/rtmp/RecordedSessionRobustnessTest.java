package io.tributary.ingest.rtmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Damaged copies of the start of each recorded session (connect to the first media), through every layer: the only
 * allowed outcomes are decoded messages and commands or an {@link RtmpProtocolException}.
 */
class RecordedSessionRobustnessTest {

    /** Past the handshake: connect, the publish sequence, metadata and the first media messages. */
    private static final int SPAN = 6000;
    private static final int START = RecordedSession.HANDSHAKE_LENGTH;

    @ParameterizedTest
    @EnumSource(RecordedSession.class)
    void truncatedAtEveryOffsetGivesAPrefixOfTheMessages(RecordedSession session) {
        byte[] b = Arrays.copyOfRange(session.clientToServer(), START, START + SPAN);
        ServerPipeline all = new ServerPipeline(RtmpLimits.DEFAULTS);
        all.chunkStream(ByteBuffer.wrap(b));
        for (int cut = 0; cut <= b.length; cut++) {
            ServerPipeline p = new ServerPipeline(RtmpLimits.DEFAULTS);
            p.chunkStream(ByteBuffer.wrap(b, 0, cut));
            assertEquals(all.raw.subList(0, p.raw.size()), p.raw, "cut at " + cut);
        }
    }

    @ParameterizedTest
    @EnumSource(RecordedSession.class)
    void flippedBytesGiveMessagesOrProtocolException(RecordedSession session) {
        byte[] b = Arrays.copyOfRange(session.clientToServer(), START, START + SPAN);
        int commandsEnd = 1200; // connect .. publish and metadata: the AMF-heavy part
        for (int i = 0; i < commandsEnd; i++) {
            byte original = b[i];
            for (int replacement : new int[] {0x00, 0xFF, 0x7F, 0x80, 0xC3, 0x11, 0x03, 0x09, original ^ 0x01}) {
                b[i] = (byte) replacement;
                decode(b, String.format("byte %d set to 0x%02X", i, replacement & 0xFF));
            }
            b[i] = original;
        }
    }

    @ParameterizedTest
    @EnumSource(RecordedSession.class)
    void damagedHandshakesGiveAnAnswerOrProtocolException(RecordedSession session) {
        byte[] b = Arrays.copyOf(session.clientToServer(), START + 200);
        for (int i : List.of(0, 1, 4, 5, 8, 9, 12, 494, 772, 776, 1536, 1537, 3072, 3073, 3074)) {
            byte original = b[i];
            for (int replacement : new int[] {0x00, 0xFF, 0x06, original ^ 0x01}) {
                b[i] = (byte) replacement;
                ServerPipeline p = new ServerPipeline(RtmpLimits.DEFAULTS);
                try {
                    p.feed(ByteBuffer.wrap(b));
                } catch (RtmpProtocolException expected) {
                    // the one allowed failure
                } catch (RuntimeException e) {
                    fail("byte " + i + ": " + e, e);
                }
            }
            b[i] = original;
        }
    }

    private static void decode(byte[] b, String what) {
        ServerPipeline p = new ServerPipeline(RtmpLimits.DEFAULTS);
        try {
            p.chunkStream(ByteBuffer.wrap(b));
        } catch (RtmpProtocolException expected) {
            // the one allowed failure
        } catch (RuntimeException | StackOverflowError e) {
            fail(what + ": " + e, e);
        }
    }
}
