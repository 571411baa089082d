package io.tributary.thumbnail.render;

import io.tributary.media.codec.VideoCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Rejects a keyframe whose stream declares a picture larger than the decoder's pixel limit, before a decoder is
 * opened, where the decoder would not reject it before allocating for it.
 *
 * <p>AV1 is decoded by libaom (the bundled FFmpeg has no dav1d): libaom decodes into buffers of its own, sized from
 * the sequence header (up to 65536x65536), and FFmpeg's wrapper checks {@code max_pixels} only afterwards, when it
 * sets the output size. So the largest frame size of every sequence header the decoder may read, in the
 * configuration record's {@code configOBUs} and in the keyframe's own OBUs (a temporal unit with a keyframe starts
 * with one, and libaom reads that one), is checked here. A keyframe with no sequence header anywhere cannot be
 * decoded by a fresh decoder and is rejected too.
 *
 * <p>H.264, HEVC and VP9 go to FFmpeg's own decoders, which check the size a parameter set or frame header declares
 * ({@code av_image_check_size}, then {@code max_pixels} in {@code ff_set_dimensions} and {@code ff_get_buffer})
 * before they allocate picture buffers: nothing is parsed here for them.
 */
final class DeclaredPictureSize {
    /** av1-isobmff §2.3.3: marker (1) version (7), then 3 bytes of profile, level and colour fields, then configOBUs. */
    private static final int AV1_CONFIGURATION_HEADER_BYTES = 4;
    private static final int AV1_MARKER_AND_VERSION_1 = 0x81;

    private DeclaredPictureSize() {
    }

    /** @throws RenderFailure {@code UNDECODABLE} if the stream declares more than {@code maxPixels}, or cannot say */
    static void requireAtMost(long maxPixels, Keyframe keyframe) throws RenderFailure {
        if (keyframe.codec() != VideoCodec.AV1) {
            return;
        }
        List<Av1SequenceHeader> headers;
        try {
            headers = av1SequenceHeaders(keyframe);
        } catch (Av1FormatException e) {
            throw new RenderFailure(RejectReason.UNDECODABLE, "unreadable AV1 in " + keyframe + ": " + e.getMessage());
        }
        if (headers.isEmpty()) {
            throw new RenderFailure(RejectReason.UNDECODABLE, "no AV1 sequence header in " + keyframe);
        }
        for (Av1SequenceHeader header : headers) {
            if (header.maxPixels() > maxPixels) {
                throw new RenderFailure(RejectReason.UNDECODABLE, "the AV1 sequence header of " + keyframe
                        + " declares frames up to " + header.maxFrameSize() + ", more than the " + maxPixels
                        + " pixels decoded");
            }
        }
    }

    /** The configuration record's sequence headers, then the keyframe's. */
    static List<Av1SequenceHeader> av1SequenceHeaders(Keyframe keyframe) {
        List<Av1SequenceHeader> headers = new ArrayList<>();
        byte[] configuration = keyframe.configuration();
        if (configuration.length > 0) {
            if (configuration.length < AV1_CONFIGURATION_HEADER_BYTES
                    || (configuration[0] & 0xFF) != AV1_MARKER_AND_VERSION_1) {
                throw new Av1FormatException("not an AV1CodecConfigurationRecord (marker 1, version 1)");
            }
            headers.addAll(Av1Obus.sequenceHeaders(configuration, AV1_CONFIGURATION_HEADER_BYTES));
        }
        headers.addAll(Av1Obus.sequenceHeaders(keyframe.data(), 0));
        return headers;
    }
}
