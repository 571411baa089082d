package io.tributary.thumbnail.render;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads what ffmpeg said on standard error, run with {@code -loglevel level+warning} (every line tagged with its
 * level), to tell a picture that was decoded as encoded from one the decoder had to conceal errors in.
 *
 * <p>Damage shows in two ways. A decoder that fails to parse part of a slice logs at {@code [error]} ("error while
 * decoding MB 12 31"). A CABAC stream of noise can also decode "validly" without one error line; the decoder then
 * marks the frame corrupt and ffmpeg says so at {@code [warning]} ("corrupt decoded frame"), which is why the level is
 * warning and not error. Other warnings are harmless (swscale's "deprecated pixel format used" on every JPEG input).
 */
final class DecoderLog {
    private static final List<String> DAMAGE_LEVELS = List.of("[error]", "[fatal]", "[panic]");
    /** fftools' message for a frame with AV_FRAME_FLAG_CORRUPT (fftools/ffmpeg_dec.c). */
    private static final String CORRUPT_FRAME = "corrupt decoded frame";

    private DecoderLog() {
    }

    /** The lines that say the picture is damaged, joined; empty when there are none. */
    static String damage(String stderr) {
        return stderr.lines()
                .filter(line -> line.contains(CORRUPT_FRAME) || DAMAGE_LEVELS.stream().anyMatch(line::contains))
                .map(String::strip)
                .collect(Collectors.joining(" | "));
    }
}
