package io.tributary.media.amf;

import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.media.amf.Amf3Cases.Case;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Damaged copies of every AMF3 table case: the only allowed outcomes are values or an {@link AmfException}. */
class Amf3RobustnessTest {

    static Stream<Case> cases() {
        return Amf3Cases.all().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void truncatedAtEveryOffsetGivesAValueOrAmfException(Case c) {
        byte[] b = c.bytes();
        for (int cut = 0; cut < b.length; cut++) {
            decodeAll(b, cut, "cut at " + cut);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void flippedBytesGiveAValueOrAmfException(Case c) {
        byte[] b = c.bytes().clone();
        for (int i = 0; i < b.length; i++) {
            byte original = b[i];
            for (int replacement : new int[] {0x00, 0x01, 0xFF, 0x7F, 0x80, original ^ 0x01, original ^ 0x80, 0x09,
                    0x0A, 0x11}) {
                b[i] = (byte) replacement;
                decodeAll(b, b.length, String.format("byte %d set to 0x%02X", i, replacement & 0xFF));
            }
            b[i] = original;
        }
    }

    private static void decodeAll(byte[] b, int length, String what) {
        try {
            new Amf3Reader(b, 0, length, 8).readAll();
        } catch (AmfException expected) {
            // the one allowed failure
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(what + ": " + e, e);
        }
    }
}
