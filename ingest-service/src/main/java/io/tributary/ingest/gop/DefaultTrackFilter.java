package io.tributary.ingest.gop;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reduces Enhanced RTMP v2 audio and video message bodies to the plain single-track form the GOP record carries
 * (Enhanced RTMP v2, "Enhanced Audio" and "Enhanced Video": ExAudioTagHeader / ExVideoTagHeader and their bodies):
 *
 * <ul>
 *   <li><b>ModEx</b> (packet type 7) preludes are removed. The only ModEx type defined, TimestampOffsetNano, refines
 *       the timestamp below the millisecond our records carry.</li>
 *   <li><b>Multitrack</b> (video packet type 6, audio 5): the default track, trackId 0 ("highest priority", as the
 *       spec recommends encoders number it), is kept and rewritten as a plain ExHeader body (header byte, FourCC,
 *       the track's data); every other track is dropped. Which track ids were dropped is kept for one log line.</li>
 * </ul>
 * Legacy bodies and plain ExHeader bodies pass unchanged (the same array). A message that carries only other tracks
 * yields nothing. A body whose multitrack or ModEx structure does not fit its length is a
 * {@link MalformedMediaException}.
 *
 * <p>Pure, one per session.
 */
public final class DefaultTrackFilter {

    private static final int VIDEO_MULTITRACK = 6;
    private static final int AUDIO_MULTITRACK = 5;
    private static final int MOD_EX = 7;
    private static final int SOUND_FORMAT_EX_HEADER = 9;
    /** AvMultitrackType (Enhanced RTMP v2). */
    private static final int ONE_TRACK = 0;
    private static final int MANY_TRACKS_MANY_CODECS = 2;
    private static final int DEFAULT_TRACK = 0;

    private final Set<Integer> droppedVideoTracks = new TreeSet<>();
    private final Set<Integer> droppedAudioTracks = new TreeSet<>();

    /** The default track of a video message body, or empty if it carries none. */
    public Optional<byte[]> video(byte[] body) {
        if (body.length == 0 || (body[0] & 0x80) == 0) {
            return Optional.of(body); // legacy VideoTagHeader (FLV 10.1 E.4.3.1)
        }
        int packetType = body[0] & 0x0F;
        if (packetType != MOD_EX && packetType != VIDEO_MULTITRACK) {
            return Optional.of(body);
        }
        int frameBits = body[0] & 0x70;
        return select(body, frameBits | 0x80, VIDEO_MULTITRACK, droppedVideoTracks, "video");
    }

    /** The default track of an audio message body, or empty if it carries none. */
    public Optional<byte[]> audio(byte[] body) {
        if (body.length == 0 || ((body[0] >> 4) & 0x0F) != SOUND_FORMAT_EX_HEADER) {
            return Optional.of(body); // legacy AudioTagHeader (FLV 10.1 E.4.2.1)
        }
        int packetType = body[0] & 0x0F;
        if (packetType != MOD_EX && packetType != AUDIO_MULTITRACK) {
            return Optional.of(body);
        }
        return select(body, SOUND_FORMAT_EX_HEADER << 4, AUDIO_MULTITRACK, droppedAudioTracks, "audio");
    }

    /** Whether any track was dropped so far. */
    public boolean droppedTracks() {
        return !droppedVideoTracks.isEmpty() || !droppedAudioTracks.isEmpty();
    }

    /** Video track ids seen and dropped so far. */
    public Set<Integer> droppedVideoTracks() {
        return Set.copyOf(droppedVideoTracks);
    }

    /** Audio track ids seen and dropped so far. */
    public Set<Integer> droppedAudioTracks() {
        return Set.copyOf(droppedAudioTracks);
    }

    /**
     * @param headerHigh the high bits of the rewritten header byte (ExHeader flag and frame type, or SoundFormat 9)
     */
    private Optional<byte[]> select(byte[] body, int headerHigh, int multitrack, Set<Integer> dropped, String kind) {
        Reader r = new Reader(body, kind);
        r.skip(1);
        int packetType = skipModEx(r, body[0] & 0x0F);
        if (packetType != multitrack) {
            return Optional.of(rebuild(headerHigh | packetType, r.bytes(4), r.rest()));
        }
        int b = r.u8();
        int multitrackType = b >> 4;
        int trackPacketType = b & 0x0F;
        if (trackPacketType == multitrack || trackPacketType == MOD_EX) {
            throw new MalformedMediaException(kind + " multitrack packet nests packet type " + trackPacketType);
        }
        if (multitrackType > MANY_TRACKS_MANY_CODECS) {
            throw new MalformedMediaException(kind + " AvMultitrackType " + multitrackType + " is reserved");
        }
        byte[] fourCc = multitrackType == MANY_TRACKS_MANY_CODECS ? null : r.bytes(4);
        byte[] kept = null;
        while (r.remaining() > 0) {
            byte[] trackFourCc = multitrackType == MANY_TRACKS_MANY_CODECS ? r.bytes(4) : fourCc;
            int trackId = r.u8();
            byte[] data = multitrackType == ONE_TRACK ? r.rest() : r.bytes(r.u24());
            if (trackId == DEFAULT_TRACK && kept == null) {
                kept = rebuild(headerHigh | trackPacketType, trackFourCc, data);
            } else if (trackId != DEFAULT_TRACK) {
                dropped.add(trackId);
            }
        }
        return Optional.ofNullable(kept);
    }

    /** Skips ModEx preludes: size UI8+1 (256 escapes to UI16+1), data, then ModExType UB[4] and the next type. */
    private static int skipModEx(Reader r, int packetType) {
        int type = packetType;
        while (type == MOD_EX) {
            int size = r.u8() + 1;
            if (size == 256) {
                size = r.u16() + 1;
            }
            r.skip(size);
            type = r.u8() & 0x0F;
        }
        return type;
    }

    private static byte[] rebuild(int header, byte[] fourCc, byte[] data) {
        byte[] out = new byte[1 + fourCc.length + data.length];
        out[0] = (byte) header;
        System.arraycopy(fourCc, 0, out, 1, fourCc.length);
        System.arraycopy(data, 0, out, 1 + fourCc.length, data.length);
        return out;
    }

    /** Bounds-checked reads over a message body. */
    private static final class Reader {
        private final byte[] b;
        private final String kind;
        private int at;

        Reader(byte[] b, String kind) {
            this.b = b;
            this.kind = kind;
        }

        int remaining() {
            return b.length - at;
        }

        void skip(int n) {
            need(n);
            at += n;
        }

        int u8() {
            need(1);
            return b[at++] & 0xFF;
        }

        int u16() {
            return u8() << 8 | u8();
        }

        int u24() {
            return u8() << 16 | u8() << 8 | u8();
        }

        byte[] bytes(int n) {
            need(n);
            byte[] out = Arrays.copyOfRange(b, at, at + n);
            at += n;
            return out;
        }

        byte[] rest() {
            return bytes(remaining());
        }

        private void need(int n) {
            if (n > remaining()) {
                throw new MalformedMediaException(kind + " message of " + b.length + " bytes truncated at offset " + at
                        + " (needs " + n + " more)");
            }
        }
    }
}
