package io.tributary.transcode.cmaf;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Turns one track's access units of one GOP (millisecond clock) into {@link Sample}s on the track's timescale.
 *
 * <p>Each decode time is converted from its absolute millisecond value ({@link Timescale#fromMillis}), and a
 * sample's duration is the next sample's converted decode time minus its own, so the samples of consecutive GOPs
 * tile the timeline without drift. The last sample has no successor in the GOP: its duration runs to the GOP's
 * declared end when one is given (video: the next keyframe's time, so the next segment starts exactly where this
 * one ends), else it is {@code fallbackDuration} (audio: the codec's frame length).
 *
 * <p>Decode times must increase. A decoder cannot use two samples at the same decode time, and a timestamp going
 * backwards would break the 'trun' timeline, so a non-increasing one is moved to one tick after its predecessor.
 */
public final class SampleConverter {

    private SampleConverter() {
    }

    /**
     * @param units the track's access units in decode order
     * @param endMillis the GOP's declared end (the next GOP's first decode time), if known
     * @param fallbackDuration duration of the last sample, in ticks, when {@code endMillis} is absent or not after it
     */
    public static List<Sample> toSamples(List<AccessUnit> units, Timescale timescale, OptionalLong endMillis,
                                         int fallbackDuration) {
        if (fallbackDuration <= 0) {
            throw new IllegalArgumentException("fallback duration must be positive: " + fallbackDuration);
        }
        int n = units.size();
        long[] dts = new long[n];
        for (int i = 0; i < n; i++) {
            long t = timescale.fromMillis(units.get(i).dtsMillis());
            dts[i] = i > 0 && t <= dts[i - 1] ? dts[i - 1] + 1 : t;
        }
        List<Sample> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AccessUnit unit = units.get(i);
            long duration = i + 1 < n
                    ? dts[i + 1] - dts[i]
                    : lastDuration(dts[i], timescale, endMillis, fallbackDuration);
            long pts = timescale.fromMillis(unit.dtsMillis() + unit.compositionOffsetMillis());
            long offset = pts - timescale.fromMillis(unit.dtsMillis());
            samples.add(new Sample(dts[i], Math.toIntExact(offset), unit.keyframe(), toInt(duration), unit.data()));
        }
        return samples;
    }

    private static long lastDuration(long lastDts, Timescale timescale, OptionalLong endMillis, int fallback) {
        if (endMillis.isPresent()) {
            long end = timescale.fromMillis(endMillis.getAsLong());
            if (end > lastDts) {
                return end - lastDts;
            }
        }
        return fallback;
    }

    private static int toInt(long duration) {
        if (duration > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sample duration of " + duration + " ticks: timestamps jumped");
        }
        return (int) duration;
    }
}
