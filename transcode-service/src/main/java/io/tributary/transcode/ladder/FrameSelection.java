package io.tributary.transcode.ladder;

import java.util.List;

/**
 * Which decoded frames of a continuation record's input are its own: those shown at or after its first own
 * presentation time, except the few of the context shown that late (B-frame reordering lets a frame decoded before
 * the cut be shown after frames decoded after it). The result is exactly the record's own set of presentation
 * times, so the rung's frames match the source's samples one for one.
 *
 * @param fromPtsMillis the smallest presentation time of the record's own frames
 * @param exceptPtsMillis presentation times of context frames at or after it
 */
public record FrameSelection(long fromPtsMillis, List<Long> exceptPtsMillis) {

    public FrameSelection {
        exceptPtsMillis = List.copyOf(exceptPtsMillis);
    }

    /** The ffmpeg {@code select} expression, on the input's millisecond timestamps ({@code -copyts}). */
    String expression() {
        StringBuilder e = new StringBuilder("gte(pts,").append(fromPtsMillis).append(')');
        if (!exceptPtsMillis.isEmpty()) {
            e.append("*not(");
            for (int i = 0; i < exceptPtsMillis.size(); i++) {
                e.append(i > 0 ? "+" : "").append("eq(pts,").append(exceptPtsMillis.get(i)).append(')');
            }
            e.append(')');
        }
        return e.toString();
    }
}
