package io.tributary.ingest.gop;

import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.VideoTag;
import java.util.Arrays;

/**
 * Legacy AVC and AAC tags with filler payloads: enough for the GOP layer, which reads tag headers, not pictures
 * (FLV 10.1 E.4.2.1 and E.4.3.1).
 */
final class SyntheticTags {

    private SyntheticTags() {
    }

    /** AVC sequence header: FrameType 1, CodecID 7; AVCPacketType 0; CompositionTime 0; a configuration body. */
    static VideoTag avcSequenceHeader(long t, int variant) {
        return new VideoTag(t, new byte[] {0x17, 0x00, 0, 0, 0, 0x01, 0x64, 0x00, (byte) variant});
    }

    /** AVC keyframe of {@code size} body bytes. */
    static VideoTag keyframe(long t, int size) {
        return video(t, 0x17, size);
    }

    /** AVC inter frame (FrameType 2). */
    static VideoTag interframe(long t, int size) {
        return video(t, 0x27, size);
    }

    /** Legacy Sorenson H.263 (CodecID 2), which Tributary does not carry. */
    static VideoTag sorenson(long t) {
        return new VideoTag(t, new byte[] {0x12, 0, 0, 0});
    }

    /** AAC sequence header: SoundFormat 10, AACPacketType 0, AudioSpecificConfig AAC-LC 48 kHz stereo. */
    static AudioTag aacSequenceHeader(long t) {
        return new AudioTag(t, new byte[] {(byte) 0xAF, 0x00, 0x11, (byte) 0x90});
    }

    static AudioTag aacFrame(long t) {
        byte[] body = new byte[40];
        body[0] = (byte) 0xAF;
        body[1] = 0x01;
        return new AudioTag(t, body);
    }

    private static VideoTag video(long t, int first, int size) {
        byte[] body = new byte[Math.max(5, size)];
        Arrays.fill(body, (byte) 0x55);
        body[0] = (byte) first;
        body[1] = 0x01; // AVCPacketType 1 (NALU)
        body[2] = 0;
        body[3] = 0;
        body[4] = 0;
        return new VideoTag(t, body);
    }
}
