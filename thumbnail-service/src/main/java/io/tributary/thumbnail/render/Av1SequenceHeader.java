package io.tributary.thumbnail.render;

/**
 * What an AV1 sequence header OBU (AV1 specification §5.5.1 {@code sequence_header_obu}) says, up to the largest
 * frame size of the sequence: no frame of it may be larger (§7.21 and §6.8.5: {@code frame_width_minus_1} at most
 * {@code max_frame_width_minus_1}), so it is the size a decoder allocates for.
 *
 * @param seqProfile                 {@code seq_profile}
 * @param stillPicture               {@code still_picture}
 * @param reducedStillPictureHeader  {@code reduced_still_picture_header}
 * @param maxFrameWidth              {@code max_frame_width_minus_1 + 1}: 1 to 65536
 * @param maxFrameHeight             {@code max_frame_height_minus_1 + 1}: 1 to 65536
 */
record Av1SequenceHeader(int seqProfile, boolean stillPicture, boolean reducedStillPictureHeader, int maxFrameWidth,
                         int maxFrameHeight) {

    long maxPixels() {
        return (long) maxFrameWidth * maxFrameHeight;
    }

    String maxFrameSize() {
        return maxFrameWidth + "x" + maxFrameHeight;
    }
}
