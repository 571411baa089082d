package io.tributary.transcode.cmaf;

import io.tributary.transcode.cmaf.box.BoxWriter;
import io.tributary.transcode.cmaf.box.MdatBox;
import io.tributary.transcode.cmaf.box.MfhdBox;
import io.tributary.transcode.cmaf.box.MoofBox;
import io.tributary.transcode.cmaf.box.SampleFlags;
import io.tributary.transcode.cmaf.box.StypBox;
import io.tributary.transcode.cmaf.box.TfdtBox;
import io.tributary.transcode.cmaf.box.TfhdBox;
import io.tributary.transcode.cmaf.box.TrafBox;
import io.tributary.transcode.cmaf.box.TrunBox;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one GOP of one track as one CMAF segment: 'styp', then one fragment ('moof' + 'mdat', ISO/IEC 23000-19)
 * holding every sample.
 *
 * <p>'tfdt' is the first sample's decode time, taken from the samples themselves: they carry absolute times on the
 * track's continuous timeline, so a segment written after a crash, by another worker, gets the same value. 'mfhd'
 * counts from 1 (fragment sequence numbers are positive, ISO/IEC 14496-12 §8.8.5), so it is the session's GOP
 * sequence number plus one.
 */
public final class CmafFragmenter {

    private CmafFragmenter() {
    }

    /**
     * @param sequenceNumber the GOP's sequence number in its session (0, 1, 2…)
     * @param samples the track's samples of the GOP, in decode order; each must start where the previous one ends
     * @throws IllegalArgumentException if there is no sample or the decode times do not follow the durations
     */
    public static CmafSegment fragment(TrackFormat format, long sequenceNumber, List<Sample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a segment needs at least one sample");
        }
        if (sequenceNumber < 0 || sequenceNumber >= 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("sequence number out of range: " + sequenceNumber);
        }
        List<TrunBox.Entry> entries = new ArrayList<>(samples.size());
        List<byte[]> payloads = new ArrayList<>(samples.size());
        long expectedDecodeTime = samples.get(0).decodeTime();
        long duration = 0;
        for (Sample s : samples) {
            if (s.decodeTime() != expectedDecodeTime) {
                throw new IllegalArgumentException("sample at " + s.decodeTime() + " does not start where the previous"
                        + " one ends (" + expectedDecodeTime + ")");
            }
            expectedDecodeTime += s.duration();
            duration += s.duration();
            entries.add(new TrunBox.Entry(s.duration(), s.data().length, SampleFlags.of(s.sync()),
                    s.compositionOffset()));
            payloads.add(s.data());
        }
        long baseMediaDecodeTime = samples.get(0).decodeTime();
        MoofBox sizing = moof(sequenceNumber, baseMediaDecodeTime, 0, entries);
        // default-base-is-moof: the first sample starts right after the 'moof' and the 'mdat' header
        int dataOffset = sizing.toByteArray().length + MdatBox.HEADER_SIZE;

        BoxWriter out = new BoxWriter(dataOffset + 64 + payloads.stream().mapToInt(p -> p.length).sum());
        out.write(new StypBox(CmafBrands.SEGMENT_MAJOR, 0, CmafBrands.SEGMENT_COMPATIBLE));
        out.write(moof(sequenceNumber, baseMediaDecodeTime, dataOffset, entries));
        out.write(new MdatBox(payloads));
        return new CmafSegment(sequenceNumber, baseMediaDecodeTime, duration, format.timescale(), samples.size(),
                samples.get(0).sync(), out.toByteArray());
    }

    private static MoofBox moof(long sequenceNumber, long baseMediaDecodeTime, int dataOffset,
                                List<TrunBox.Entry> entries) {
        return new MoofBox(new MfhdBox(sequenceNumber + 1), new TrafBox(
                new TfhdBox(CmafInitSegmentWriter.TRACK_ID),
                new TfdtBox(baseMediaDecodeTime),
                new TrunBox(dataOffset, entries)));
    }
}
