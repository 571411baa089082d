package io.tributary.archive.assemble;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes one movie fragment (ISO/IEC 14496-12 §8.8.4): a {@code moof} with one {@code traf} per track, then one
 * {@code mdat} holding the tracks' samples one track after the other.
 *
 * <ul>
 *   <li>{@code tfhd} sets default-base-is-moof (§8.8.7.1), so each {@code trun}'s data offset counts from the start
 *       of its {@code moof}: a fragment means the same wherever in the file it lands.</li>
 *   <li>{@code tfdt} (version 1, 64-bit) gives each track's decode time, so fragments need not be read in order to
 *       be timed and a player can start at any of them.</li>
 *   <li>{@code trun} is version 0 (unsigned composition offsets), version 1 (signed, §8.8.8.1) only when a source
 *       sent a negative CompositionTime; the video track's edit list moves presentation to start at zero.</li>
 * </ul>
 */
public final class FragmentWriter {
    /** trun flags (§8.8.8.1). */
    private static final int DATA_OFFSET = 0x000001;
    private static final int SAMPLE_DURATION = 0x000100;
    private static final int SAMPLE_SIZE = 0x000200;
    private static final int SAMPLE_FLAGS = 0x000400;
    private static final int SAMPLE_COMPOSITION_TIME_OFFSET = 0x000800;
    /** tfhd flags (§8.8.7.1). */
    private static final int DEFAULT_BASE_IS_MOOF = 0x020000;
    /** sample_flags (§8.8.3.1): sample_depends_on 2 (an I-picture). */
    static final int SYNC_SAMPLE = 0x0200_0000;
    /** sample_flags: sample_depends_on 1, sample_is_non_sync_sample 1. */
    static final int NON_SYNC_SAMPLE = 0x0101_0000;
    private static final int MDAT_HEADER = 8;

    private FragmentWriter() {
    }

    /**
     * Writes the fragment to {@code out}: the {@code moof} and the {@code mdat} header from a small buffer, then the
     * samples straight from their arrays, so a GOP's media is not copied into one more array on its way to the spool.
     *
     * @param sequenceNumber {@code mfhd} sequence number (§8.8.5): positive and rising through the file
     * @param runs           one per track present in the fragment, video first by convention
     * @return the bytes written
     */
    public static long writeTo(long sequenceNumber, List<TrackRun> runs, OutputStream out) throws IOException {
        byte[] header = header(sequenceNumber, runs);
        out.write(header);
        writeSamples(runs, out);
        return header.length + payloadBytes(runs);
    }

    /**
     * The fragment's {@code moof} and {@code mdat} header: what comes before its samples, made of their sizes, times
     * and flags only (the samples may be without their bytes, set aside until the fragment is written).
     */
    public static byte[] header(long sequenceNumber, List<TrackRun> runs) {
        if (sequenceNumber <= 0 || sequenceNumber > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("fragment sequence number out of range: " + sequenceNumber);
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a fragment needs at least one track run");
        }
        long payload = payloadBytes(runs);
        if (payload > Integer.MAX_VALUE - 1024L * 1024) {
            throw new IllegalArgumentException("a fragment of " + payload + " bytes is too large");
        }
        BoxWriter w = new BoxWriter(1024 + 16 * runs.stream().mapToInt(r -> r.samples().size()).sum());
        w.box("moof");
        w.fullBox("mfhd", 0, 0).u32(sequenceNumber).end();
        int[] dataOffsetAt = new int[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            TrackRun run = runs.get(i);
            boolean video = run.trackId() == ArchiveTracks.VIDEO_TRACK_ID;
            w.box("traf");
            w.fullBox("tfhd", 0, DEFAULT_BASE_IS_MOOF).u32(run.trackId()).end();
            w.fullBox("tfdt", 1, 0).u64(run.baseMediaDecodeTime()).end();
            int flags = DATA_OFFSET | SAMPLE_DURATION | SAMPLE_SIZE
                    | (video ? SAMPLE_FLAGS | SAMPLE_COMPOSITION_TIME_OFFSET : 0);
            // version 0 unless an offset is negative (an FLV CompositionTime below zero): ffmpeg reads both alike
            boolean negative = run.samples().stream().anyMatch(s -> s.compositionOffset() < 0);
            w.fullBox("trun", negative ? 1 : 0, flags).u32(run.samples().size());
            dataOffsetAt[i] = w.length();
            w.u32(0); // data_offset, patched below
            for (Mp4Sample s : run.samples()) {
                w.u32(s.duration()).u32(s.size());
                if (video) {
                    w.u32(s.sync() ? SYNC_SAMPLE : NON_SYNC_SAMPLE).u32(s.compositionOffset());
                }
            }
            w.end(); // trun
            w.end(); // traf
        }
        w.end(); // moof
        long offset = w.length() + MDAT_HEADER;
        for (int i = 0; i < runs.size(); i++) {
            w.patchU32(dataOffsetAt[i], offset);
            for (Mp4Sample s : runs.get(i).samples()) {
                offset += s.size();
            }
        }
        // mdat (§8.1.1): its size is known, so its header is written before the samples it holds
        w.u32(MDAT_HEADER + payload).fourCc("mdat");
        return w.toByteArray();
    }

    /** The samples' bytes as the fragment's {@code mdat} holds them: the runs' one after the other, in order. */
    public static void writeSamples(List<TrackRun> runs, OutputStream out) throws IOException {
        for (TrackRun run : runs) {
            for (Mp4Sample s : run.samples()) {
                if (s.data() == null) {
                    throw new IllegalStateException("the samples' bytes were set aside: write them from there");
                }
                out.write(s.data());
            }
        }
    }

    /** The bytes of the samples, what the {@code mdat} holds after its header. */
    public static long payloadBytes(List<TrackRun> runs) {
        long payload = 0;
        for (TrackRun run : runs) {
            for (Mp4Sample s : run.samples()) {
                payload += s.size();
            }
        }
        return payload;
    }
}
