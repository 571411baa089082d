package io.tributary.ingest.rtmp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * One recorded publish session from {@code src/test/resources/vectors/rtmp} (see PROVENANCE.md there): what the
 * client sent, what the server answered, and the FLV the server recorded.
 */
public enum RecordedSession {
    FFMPEG51_H264_AAC("ffmpeg51-h264-aac", true),
    FFMPEG71_HEVC_AAC("ffmpeg71-hevc-aac", true),
    FFMPEG71_AV1_AAC("ffmpeg71-av1-aac", true),
    GSTREAMER_RTMP2SINK_H264_AAC("gstreamer-rtmp2sink-h264-aac", false);

    /** C0 + C1 + C2 (or S0 + S1 + S2). */
    public static final int HANDSHAKE_LENGTH = 1 + 2 * 1536;

    private final String prefix;
    private final boolean complexHandshake;

    RecordedSession(String prefix, boolean complexHandshake) {
        this.prefix = prefix;
        this.complexHandshake = complexHandshake;
    }

    public boolean complexHandshake() {
        return complexHandshake;
    }

    public boolean isGstreamer() {
        return this == GSTREAMER_RTMP2SINK_H264_AAC;
    }

    public byte[] clientToServer() {
        return load(prefix + ".c2s.bin");
    }

    public byte[] serverToClient() {
        return load(prefix + ".s2c.bin");
    }

    /** C1 as the client sent it. */
    public byte[] c1() {
        return Arrays.copyOfRange(clientToServer(), 1, 1 + 1536);
    }

    /** The audio (8) and video (9) tags of the FLV the recording server wrote. */
    public List<FlvTag> receivedMediaTags() {
        return FlvTag.mediaTags(load(prefix + ".received.flv"));
    }

    private static byte[] load(String name) {
        try (InputStream in = RecordedSession.class.getResourceAsStream("/vectors/rtmp/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return prefix;
    }
}
