package io.tributary.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real RTMP recordings under src/test/resources/vectors/rtmp (origin in PROVENANCE.md there). */
public final class RecordedVectors {
    public static final String FFMPEG_H264_AAC = "ffmpeg71-h264-aac";
    public static final String FFMPEG_HEVC_AAC = "ffmpeg71-hevc-aac";
    public static final String FFMPEG_AV1_AAC = "ffmpeg71-av1-aac";
    public static final String GSTREAMER_H264_AAC = "gstreamer-rtmp2sink-h264-aac";

    private RecordedVectors() {
    }

    /** The bytes of {@code <name>.received.flv}. */
    public static byte[] receivedFlv(String name) {
        String path = "/vectors/rtmp/" + name + ".received.flv";
        try (InputStream in = RecordedVectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
