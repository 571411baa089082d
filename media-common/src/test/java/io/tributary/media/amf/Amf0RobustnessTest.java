package io.tributary.media.amf;

import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.media.amf.Amf0Cases.Case;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Damaged copies of every table case: the only allowed outcomes are values or an {@link AmfException}. */
class Amf0RobustnessTest {

    /** Cutting a 70 kB string at each of its offsets proves nothing more than cutting it at a few hundred. */
    private static final int EVERY_OFFSET_UP_TO = 2048;

    static Stream<Case> cases() {
        return Stream.concat(Amf0Cases.canonical().stream(), Amf0Cases.decodeOnly().stream());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void truncatedAtEveryOffsetGivesAValueOrAmfException(Case c) {
        byte[] b = c.bytes();
        int step = b.length <= EVERY_OFFSET_UP_TO ? 1 : b.length / 257;
        for (int cut = 0; cut < b.length; cut += step) {
            decodeAll(b, cut, "cut at " + cut);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void flippedBytesGiveAValueOrAmfException(Case c) {
        byte[] b = c.bytes().clone();
        int limit = Math.min(b.length, EVERY_OFFSET_UP_TO);
        for (int i = 0; i < limit; i++) {
            byte original = b[i];
            for (int replacement : new int[] {0x00, 0xFF, 0x7F, original ^ 0x01, original ^ 0x80, 0x07, 0x09}) {
                b[i] = (byte) replacement;
                decodeAll(b, b.length, String.format("byte %d set to 0x%02X", i, replacement & 0xFF));
            }
            b[i] = original;
        }
    }

    private static void decodeAll(byte[] b, int length, String what) {
        try {
            new Amf0Reader(b, 0, length, 8).readAll();
        } catch (AmfException expected) {
            // the one allowed failure
        } catch (RuntimeException | StackOverflowError e) {
            fail(what + ": " + e, e);
        }
    }
}
