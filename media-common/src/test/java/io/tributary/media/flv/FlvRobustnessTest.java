package io.tributary.media.flv;

import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.media.RecordedVectors;
import io.tributary.media.flv.FlvStreamCases.Case;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Damaged FLV: the only allowed outcomes are tags or a {@link FlvFormatException}, down to the tag headers. */
class FlvRobustnessTest {

    static Stream<Case> cases() {
        return FlvStreamCases.all().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void truncatedAtEveryOffset(Case c) {
        for (int cut = 0; cut < c.bytes().length; cut++) {
            decodeEverything(c.bytes(), cut, "cut at " + cut);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void flippedBytes(Case c) {
        byte[] b = c.bytes().clone();
        for (int i = 0; i < b.length; i++) {
            byte original = b[i];
            for (int replacement : new int[] {0x00, 0xFF, 0x7F, 0x80, original ^ 0x01, original ^ 0x20}) {
                b[i] = (byte) replacement;
                decodeEverything(b, b.length, "byte " + i + " set to " + replacement);
            }
            b[i] = original;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {RecordedVectors.FFMPEG_H264_AAC, RecordedVectors.FFMPEG_HEVC_AAC,
            RecordedVectors.FFMPEG_AV1_AAC, RecordedVectors.GSTREAMER_H264_AAC})
    void damagedRecordings(String name) {
        byte[] original = RecordedVectors.receivedFlv(name);
        Random random = new Random(name.hashCode());
        for (int i = 0; i < 100; i++) {
            int cut = random.nextInt(original.length);
            decodeEverything(original, cut, "cut at " + cut);
        }
        byte[] b = original.clone();
        for (int i = 0; i < 600; i++) {
            // bytes of the first kilobyte hold the headers and configurations: damage them most
            int at = i % 2 == 0 ? random.nextInt(Math.min(1024, b.length)) : random.nextInt(b.length);
            byte old = b[at];
            b[at] = (byte) random.nextInt(256);
            decodeEverything(b, b.length, "byte " + at + " changed");
            b[at] = old;
        }
    }

    private static void decodeEverything(byte[] b, int length, String what) {
        try {
            FlvReader reader = new FlvReader(b, 0, length);
            while (reader.hasNext()) {
                FlvTag tag = reader.next();
                if (tag instanceof VideoTag v) {
                    v.packet();
                } else if (tag instanceof AudioTag a) {
                    a.packet();
                } else {
                    ((ScriptDataTag) tag).values();
                }
            }
        } catch (FlvFormatException expected) {
            // the one allowed failure
        } catch (RuntimeException | StackOverflowError e) {
            fail(what + ": " + e, e);
        }
    }
}
