package io.tributary.thumbnail.render;

import io.tributary.media.codec.Av1CodecConfigurationRecord;
import io.tributary.media.codec.Av1SequenceHeader;
import io.tributary.media.codec.AvcDecoderConfigurationRecord;
import io.tributary.media.codec.AvcSequenceParameterSet;
import io.tributary.media.codec.CodecConfigException;
import io.tributary.media.codec.HevcDecoderConfigurationRecord;
import io.tributary.media.codec.HevcSequenceParameterSet;
import io.tributary.media.codec.LengthPrefixedNalUnits;
import io.tributary.media.codec.NalUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Rejects a keyframe whose stream declares a picture larger than the decoder's pixel limit, before a decoder is
 * opened: each decoder allocates for the size a parameter set declares before FFmpeg's {@code max_pixels} refuses it.
 * <ul>
 *   <li>AV1 is decoded by libaom (the bundled FFmpeg has no dav1d), into buffers of its own sized from the sequence
 *       header (up to 65536x65536); FFmpeg's wrapper checks {@code max_pixels} only afterwards.</li>
 *   <li>H.264: FFmpeg's {@code h264} sizes its per-macroblock tables from the SPS (for 16000x16000, single blocks of
 *       32 to 64 MiB) before {@code max_pixels} refuses the picture buffer.</li>
 *   <li>HEVC: {@code hevc} sizes its per-block arrays from the SPS the same way, before the picture (our reading of
 *       {@code hevcdec.c}; not measured).</li>
 * </ul>
 * So every parameter set the decoder may read is parsed with media-common's codec parsers and its coded size checked
 * (the size before cropping: what the decoder allocates for): the configuration record's (its extradata) and the
 * keyframe's own (a temporal unit may start with a sequence header, and encoders that repeat their parameter sets put
 * an SPS before each IDR picture; the decoder reads those too). An AV1 keyframe with no sequence header anywhere is
 * rejected too: a fresh decoder cannot decode it.
 *
 * <p>A parameter set media-common cannot read, or refuses (larger than
 * {@link io.tributary.media.codec.VideoDecoderConfiguration#MAX_DIMENSION} a side), rejects the keyframe as
 * {@code UNDECODABLE}: what is not read cannot be bounded. media-common reads every H.264 profile FFmpeg decodes up to
 * the size (High 4:4:4, scaling matrices, field coding) and the HEVC SPS of the base layer, whose syntax up to the
 * size is the same in every profile (RExt and SCC add theirs after it); an HEVC SPS of another layer (multi-layer
 * extensions, Annex F) is rejected, as no E-RTMP stream carries one. NAL unit lengths that run past the keyframe's end
 * reject it as {@code DAMAGED}, as FFmpeg's own splitter would. VP9's decoder reads its size from each frame header
 * and checks it before allocating: nothing is parsed here for it.
 */
final class DeclaredPictureSize {
    /**
     * SPS units looked at in one keyframe at most: H.264 has 32 SPS ids, HEVC 16; more is not a stream an encoder
     * makes, and must not make a hostile keyframe of tiny units millions of objects.
     */
    private static final int MAX_SPS_IN_KEYFRAME = 32;

    private DeclaredPictureSize() {
    }

    /** A picture size a parameter set declares, and which one: for the rejection's detail. */
    record Declared(int width, int height, String source) {
        long pixels() {
            return (long) width * height;
        }

        @Override
        public String toString() {
            return width + "x" + height + " (" + source + ")";
        }
    }

    /** @throws RenderFailure if the stream declares more than {@code maxPixels}, or cannot say */
    static void requireAtMost(long maxPixels, Keyframe keyframe) throws RenderFailure {
        for (Declared declared : of(keyframe)) {
            if (declared.pixels() > maxPixels) {
                throw new RenderFailure(RejectReason.UNDECODABLE, keyframe + " declares pictures of " + declared
                        + ", more than the " + maxPixels + " pixels decoded");
            }
        }
    }

    /** The sizes declared by the configuration record's parameter sets, then by the keyframe's, in order. */
    static List<Declared> of(Keyframe keyframe) throws RenderFailure {
        return switch (keyframe.codec()) {
            case AVC -> avc(keyframe);
            case HEVC -> hevc(keyframe);
            case AV1 -> av1(keyframe);
            case VP9 -> List.of();
        };
    }

    private static List<Declared> avc(Keyframe keyframe) throws RenderFailure {
        AvcDecoderConfigurationRecord record = read(keyframe, "configuration record",
                () -> AvcDecoderConfigurationRecord.parse(keyframe.configuration()));
        List<Declared> declared = new ArrayList<>();
        for (NalUnit sps : record.sequenceParameterSets()) {
            declared.add(avcSps(keyframe, sps, "SPS in the configuration record"));
        }
        for (NalUnit nal : spsUnits(keyframe, record.lengthSizeMinusOne() + 1,
                header -> (header & 0x1F) == AvcSequenceParameterSet.NAL_TYPE_SPS)) {
            declared.add(avcSps(keyframe, nal, "SPS in the keyframe"));
        }
        return declared;
    }

    private static Declared avcSps(Keyframe keyframe, NalUnit nal, String source) throws RenderFailure {
        AvcSequenceParameterSet sps = read(keyframe, source, () -> AvcSequenceParameterSet.parse(nal));
        return new Declared(sps.codedWidth(), sps.codedHeight(), source);
    }

    private static List<Declared> hevc(Keyframe keyframe) throws RenderFailure {
        HevcDecoderConfigurationRecord record = read(keyframe, "configuration record",
                () -> HevcDecoderConfigurationRecord.parse(keyframe.configuration()));
        List<Declared> declared = new ArrayList<>();
        // by each NAL unit's own type, as FFmpeg reads the record, whatever its array says
        for (HevcDecoderConfigurationRecord.NalUnitArray array : record.arrays()) {
            for (NalUnit nal : array.nalUnits()) {
                addHevcSps(keyframe, nal, "SPS in the configuration record", declared);
            }
        }
        for (NalUnit nal : spsUnits(keyframe, record.lengthSizeMinusOne() + 1,
                header -> header >= 0 && (header >> 1 & 0x3F) == HevcDecoderConfigurationRecord.NAL_TYPE_SPS)) {
            addHevcSps(keyframe, nal, "SPS in the keyframe", declared);
        }
        return declared;
    }

    private static void addHevcSps(Keyframe keyframe, NalUnit nal, String source, List<Declared> declared)
            throws RenderFailure {
        if (nal.hevcType() != HevcDecoderConfigurationRecord.NAL_TYPE_SPS) {
            return;
        }
        if (nal.hevcLayerId() > 0) { // -1, a unit too short for its layer id: the SPS parser says truncated
            throw new RenderFailure(RejectReason.UNDECODABLE, "the " + source + " of " + keyframe + " is of layer "
                    + nal.hevcLayerId() + ": multi-layer HEVC is not read, so its size cannot be checked");
        }
        HevcSequenceParameterSet sps = read(keyframe, source, () -> HevcSequenceParameterSet.parse(nal));
        declared.add(new Declared(sps.codedWidth(), sps.codedHeight(), source));
    }

    private static List<Declared> av1(Keyframe keyframe) throws RenderFailure {
        List<Declared> declared = new ArrayList<>();
        if (keyframe.configuration().length > 0) {
            addAv1(keyframe, "sequence header in the configuration record", () -> Av1SequenceHeader.findAll(
                    Av1CodecConfigurationRecord.parse(keyframe.configuration()).configObus()), declared);
        }
        addAv1(keyframe, "sequence header in the keyframe", () -> Av1SequenceHeader.findAll(keyframe.data()),
                declared);
        if (declared.isEmpty()) {
            throw new RenderFailure(RejectReason.UNDECODABLE, "no AV1 sequence header in " + keyframe);
        }
        return declared;
    }

    private static void addAv1(Keyframe keyframe, String source, Supplier<List<Av1SequenceHeader>> parser,
                               List<Declared> declared) throws RenderFailure {
        for (Av1SequenceHeader header : read(keyframe, source, parser)) {
            declared.add(new Declared(header.maxFrameWidth(), header.maxFrameHeight(), source));
        }
    }

    /** What media-common parses from the stream: refused is unreadable, or larger than it reads. */
    private static <T> T read(Keyframe keyframe, String what, Supplier<T> parser) throws RenderFailure {
        try {
            return parser.get();
        } catch (CodecConfigException e) {
            throw new RenderFailure(RejectReason.UNDECODABLE, "the " + what + " of " + keyframe + " is refused: "
                    + e.getMessage());
        }
    }

    /** The keyframe's SPS units only (by their header byte), the others skipped without a copy. */
    private static List<NalUnit> spsUnits(Keyframe keyframe, int lengthSize, IntPredicate isSps)
            throws RenderFailure {
        try {
            return LengthPrefixedNalUnits.split(keyframe.data(), lengthSize, isSps, MAX_SPS_IN_KEYFRAME);
        } catch (CodecConfigException e) {
            throw new RenderFailure(RejectReason.DAMAGED, "the NAL units of " + keyframe + " do not add up: "
                    + e.getMessage());
        }
    }
}
