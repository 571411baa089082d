package io.tributary.transcode.cmaf.box;

import java.util.List;

/**
 * TrackRunBox 'trun', version 1 (ISO/IEC 14496-12 §8.8.8): a data offset and, per sample, duration, size, and when
 * they carry information, flags and signed composition offsets.
 *
 * <p>Per-sample flags are written when any sample is not a sync sample (video); a run of sync samples only (audio)
 * leaves them to the zero 'trex' default. Composition offsets are written when any is non-zero; version 1 makes
 * them signed, as CMAF prefers (ISO/IEC 23000-19).
 */
public record TrunBox(int dataOffset, List<Entry> entries) implements Box {
    public static final int DATA_OFFSET_PRESENT = 0x000001;
    public static final int SAMPLE_DURATION_PRESENT = 0x000100;
    public static final int SAMPLE_SIZE_PRESENT = 0x000200;
    public static final int SAMPLE_FLAGS_PRESENT = 0x000400;
    public static final int SAMPLE_COMPOSITION_TIME_OFFSETS_PRESENT = 0x000800;

    /** One sample of the run. */
    public record Entry(long duration, long size, int flags, int compositionTimeOffset) {
    }

    public TrunBox {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a track run needs at least one sample");
        }
    }

    public int flags() {
        int flags = DATA_OFFSET_PRESENT | SAMPLE_DURATION_PRESENT | SAMPLE_SIZE_PRESENT;
        if (entries.stream().anyMatch(e -> e.flags() != SampleFlags.SYNC && e.flags() != 0)) {
            flags |= SAMPLE_FLAGS_PRESENT;
        }
        if (entries.stream().anyMatch(e -> e.compositionTimeOffset() != 0)) {
            flags |= SAMPLE_COMPOSITION_TIME_OFFSETS_PRESENT;
        }
        return flags;
    }

    @Override
    public void write(BoxWriter out) {
        int flags = flags();
        out.fullBox("trun", 1, flags, () -> {
            out.u32(entries.size());
            out.i32(dataOffset);
            for (Entry e : entries) {
                out.u32(e.duration()).u32(e.size());
                if ((flags & SAMPLE_FLAGS_PRESENT) != 0) {
                    out.i32(e.flags());
                }
                if ((flags & SAMPLE_COMPOSITION_TIME_OFFSETS_PRESENT) != 0) {
                    out.i32(e.compositionTimeOffset());
                }
            }
        });
    }
}
