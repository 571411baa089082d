package io.tributary.ingest.rtmp.message;

import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.ingest.rtmp.RtmpLimits;
import io.tributary.ingest.rtmp.RtmpProtocolException;
import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.ingest.rtmp.message.MessageCases.Case;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged payloads of every table case: the only allowed outcomes are a message or an
 * {@link RtmpProtocolException}.
 */
class MessageRobustnessTest {

    private final MessageDecoder decoder = new MessageDecoder(RtmpLimits.DEFAULTS);

    static Stream<Case> cases() {
        return Stream.concat(MessageCases.canonical().stream(), MessageCases.decodeOnly().stream());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void truncatedAtEveryOffsetGivesAMessageOrProtocolException(Case c) {
        byte[] p = c.raw().payload();
        for (int cut = 0; cut < p.length; cut++) {
            decode(c.raw(), Arrays.copyOf(p, cut), "cut at " + cut);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void flippedBytesGiveAMessageOrProtocolException(Case c) {
        byte[] p = c.raw().payload().clone();
        for (int i = 0; i < p.length; i++) {
            byte original = p[i];
            for (int replacement : new int[] {0x00, 0xFF, 0x7F, 0x80, 0x11, 0x03, 0x09, 0x16, original ^ 0x01}) {
                p[i] = (byte) replacement;
                decode(c.raw(), p, String.format("byte %d set to 0x%02X", i, replacement & 0xFF));
            }
            p[i] = original;
        }
    }

    private void decode(RawMessage template, byte[] payload, String what) {
        try {
            decoder.decode(new RawMessage(template.typeId(), template.messageStreamId(), template.timestamp(),
                    payload));
        } catch (RtmpProtocolException expected) {
            // the one allowed failure
        } catch (RuntimeException | StackOverflowError e) {
            fail(what + ": " + e, e);
        }
    }
}
