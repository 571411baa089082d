package io.tributary.media.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * What Tributary reads from an AV1 sequence header OBU (AV1 Bitstream & Decoding Process Specification §5.5):
 * the maximum frame size and the frame rate from timing_info. Parsing stops after the frame size.
 *
 * @param frameRate time_scale / (num_units_in_display_tick × num_ticks_per_picture) when timing info with equal
 *                  picture intervals is present, else 0
 */
public record Av1SequenceHeader(int seqProfile, int maxFrameWidth, int maxFrameHeight, double frameRate) {

    static final int OBU_SEQUENCE_HEADER = 1;

    /** The first sequence header among the OBUs of {@code obus} (low-overhead format, §5.2); null if there is none. */
    public static Av1SequenceHeader find(byte[] obus) {
        List<Av1SequenceHeader> headers = read(obus, 1);
        return headers.isEmpty() ? null : headers.get(0);
    }

    /**
     * Every sequence header among the OBUs of {@code obus}, in order: a decoder reads each one it is given (a temporal
     * unit may repeat it), so each bounds the frames it may be asked to allocate for. Every OBU is walked, so a
     * malformed OBU anywhere fails, not only before the first sequence header.
     */
    public static List<Av1SequenceHeader> findAll(byte[] obus) {
        List<Av1SequenceHeader> all = read(obus, MAX_SEQUENCE_HEADERS + 1);
        if (all.size() > MAX_SEQUENCE_HEADERS) {
            throw new CodecConfigException("more than " + MAX_SEQUENCE_HEADERS + " AV1 sequence headers");
        }
        return all;
    }

    /**
     * Sequence headers {@link #findAll} reads from one buffer at most: a stream repeats its one header, a few per
     * temporal unit at most, while 16 MiB of 5-byte hostile headers would otherwise become millions of objects.
     */
    public static final int MAX_SEQUENCE_HEADERS = 64;

    /** Walks the OBUs by their headers (§5.3.1) and obu_size; one without obu_has_size_field runs to the end. */
    private static List<Av1SequenceHeader> read(byte[] obus, int limit) {
        List<Av1SequenceHeader> headers = new ArrayList<>();
        BitReader r = new BitReader(obus, "AV1 OBU");
        while (r.bitsLeft() > 0 && headers.size() < limit) {
            if (r.flag()) {
                throw new CodecConfigException("AV1 OBU with obu_forbidden_bit set");
            }
            int type = r.u(4);
            boolean extension = r.flag();
            boolean hasSize = r.flag();
            r.skip(1); // obu_reserved_1bit
            if (extension) {
                r.skip(8);
            }
            long size = hasSize ? leb128(r) : r.bytesLeft();
            if (size > r.bytesLeft()) {
                throw new CodecConfigException("AV1 OBU of " + size + " bytes with " + r.bytesLeft() + " left");
            }
            if (type == OBU_SEQUENCE_HEADER) {
                headers.add(parse(obus, r.bytePosition(), (int) size));
            }
            r.skip(size * 8);
        }
        return headers;
    }

    /** leb128() (§4.10.5): at most 8 bytes, and we refuse values beyond an int. */
    private static long leb128(BitReader r) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            int b = r.u8();
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new CodecConfigException("AV1 leb128 size longer than 8 bytes");
    }

    static Av1SequenceHeader parse(byte[] buf, int offset, int length) {
        BitReader r = new BitReader(buf, offset, length, "AV1 sequence header OBU");
        int seqProfile = r.u(3);
        r.skip(1); // still_picture
        boolean reducedStillPictureHeader = r.flag();
        double frameRate = 0;
        if (reducedStillPictureHeader) {
            r.skip(5); // seq_level_idx[0]
        } else {
            boolean decoderModelInfoPresent = false;
            int bufferDelayLength = 0;
            if (r.flag()) { // timing_info_present_flag
                long numUnitsInDisplayTick = r.bits(32);
                long timeScale = r.bits(32);
                long ticksPerPicture = 0;
                if (r.flag()) { // equal_picture_interval
                    ticksPerPicture = r.uvlc() + 1;
                }
                if (numUnitsInDisplayTick > 0 && ticksPerPicture > 0) {
                    frameRate = timeScale / ((double) numUnitsInDisplayTick * ticksPerPicture);
                }
                decoderModelInfoPresent = r.flag();
                if (decoderModelInfoPresent) {
                    bufferDelayLength = r.u(5) + 1;
                    r.skip(32 + 5 + 5); // num_units_in_decoding_tick, two length fields
                }
            }
            boolean initialDisplayDelayPresent = r.flag();
            int operatingPoints = r.u(5) + 1;
            for (int i = 0; i < operatingPoints; i++) {
                r.skip(12); // operating_point_idc
                int seqLevelIdx = r.u(5);
                if (seqLevelIdx > 7) {
                    r.skip(1); // seq_tier
                }
                if (decoderModelInfoPresent && r.flag()) { // decoder_model_present_for_this_op
                    r.skip(2L * bufferDelayLength + 1); // decoder/encoder_buffer_delay, low_delay_mode_flag
                }
                if (initialDisplayDelayPresent && r.flag()) {
                    r.skip(4); // initial_display_delay_minus_1
                }
            }
        }
        int widthBits = r.u(4) + 1;
        int heightBits = r.u(4) + 1;
        long width = r.bits(widthBits) + 1;
        long height = r.bits(heightBits) + 1;
        if (width > VideoDecoderConfiguration.MAX_DIMENSION || height > VideoDecoderConfiguration.MAX_DIMENSION) {
            throw new CodecConfigException("AV1 frame size " + width + "x" + height);
        }
        return new Av1SequenceHeader(seqProfile, (int) width, (int) height, frameRate);
    }
}
