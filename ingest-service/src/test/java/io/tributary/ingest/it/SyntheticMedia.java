package io.tributary.ingest.it;

import java.io.IOException;
import java.util.Arrays;

/**
 * Legacy AVC and AAC message bodies with filler payloads (FLV 10.1 E.4.2.1, E.4.3.1): what the ingest needs to cut
 * GOPs, for tests whose publisher is the {@link RtmpTestClient}. Not decodable pictures; nobody decodes them.
 */
final class SyntheticMedia {

    private SyntheticMedia() {
    }

    static final byte[] AVC_SEQUENCE_HEADER = {0x17, 0x00, 0, 0, 0, 0x01, 0x64, 0x00, 0x1F, (byte) 0xFF};
    static final byte[] AAC_SEQUENCE_HEADER = {(byte) 0xAF, 0x00, 0x11, (byte) 0x90};

    static byte[] frame(boolean keyframe, int size) {
        byte[] body = new byte[Math.max(5, size)];
        Arrays.fill(body, (byte) 0x42);
        body[0] = (byte) (keyframe ? 0x17 : 0x27);
        body[1] = 0x01;
        body[2] = 0;
        body[3] = 0;
        body[4] = 0;
        return body;
    }

    static byte[] aacFrame() {
        byte[] body = new byte[64];
        body[0] = (byte) 0xAF;
        body[1] = 0x01;
        return body;
    }

    /**
     * Sequence headers, then {@code gops} GOPs of one second at 30 fps ({@code frameBytes} per frame) with AAC every
     * 21 ms, starting at media time {@code from}; returns the next frame's time.
     */
    static long send(RtmpTestClient client, long from, int gops, int frameBytes) throws IOException {
        if (from == 0) {
            client.video(0, AVC_SEQUENCE_HEADER);
            client.audio(0, AAC_SEQUENCE_HEADER);
        }
        long audioAt = from;
        long t = from;
        for (int f = 0; f < gops * 30; f++) {
            t = from + f * 1000L / 30;
            while (audioAt <= t) {
                client.audio(audioAt, aacFrame());
                audioAt += 21;
            }
            client.video(t, frame(f % 30 == 0, frameBytes));
        }
        return t + 33;
    }
}
