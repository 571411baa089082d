package io.tributary.transcode.ladder;

/**
 * One frame as ffmpeg encoded it for a rung.
 *
 * @param ptsMillis its presentation time, the source frame's own (the encoder runs on the source's timestamps)
 * @param keyframe an IDR picture
 * @param data length-prefixed NAL units, ready for 'mdat'
 */
public record CodedFrame(long ptsMillis, boolean keyframe, byte[] data) {

    public CodedFrame {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("an encoded frame needs data");
        }
    }
}
