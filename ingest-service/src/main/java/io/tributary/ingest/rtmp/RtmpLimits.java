package io.tributary.ingest.rtmp;

/**
 * What one RTMP connection may make us hold. Every number is checked where the peer first declares it (a chunk
 * header, an AMF length), before anything is allocated for it; breaking one fails the decoder with the matching
 * {@link RtmpProtocolException.Reason}. The configuration layer fills this from {@code tributary.ingest.rtmp.*}.
 *
 * @param maxMessageLength         longest audio, video or aggregate message (the 24-bit length field allows 16 MiB - 1)
 * @param maxCommandLength         longest message of any other type: commands, data, control, shared objects
 * @param maxBufferedMessageBytes  sum of the declared lengths of all incomplete messages, over every chunk stream
 * @param maxChunkStreams          distinct chunk stream ids a connection may use
 * @param maxAmfDepth              nesting depth of AMF objects and arrays in a command or data message
 * @param maxNameLength            characters in a command name, app, tcUrl, flashVer or publish name (query included)
 */
public record RtmpLimits(
        int maxMessageLength,
        int maxCommandLength,
        int maxBufferedMessageBytes,
        int maxChunkStreams,
        int maxAmfDepth,
        int maxNameLength) {

    /** The 24-bit message length field of a chunk header cannot say more (RTMP spec 5.3.1.2.1). */
    public static final int WIRE_MAX_MESSAGE_LENGTH = 0xFF_FFFF;

    public static final RtmpLimits DEFAULTS = new RtmpLimits(
            // a 50 Mbps 2160p60 keyframe stays well under 8 MiB (mediacommon's MaxAccessUnitSize is the same)
            8 * 1024 * 1024,
            // ffmpeg/OBS onMetaData and connect are under 1 KiB; 256 KiB leaves room for long tokens and cue points
            256 * 1024,
            // one maximum-size video message interleaved with audio, data and commands on other chunk streams
            16 * 1024 * 1024,
            // encoders use chunk streams 2..8; 64 leaves room for multitrack without an unbounded per-stream table
            64,
            // connect and onMetaData nest 2-3 levels; 32 is far beyond any encoder and far below a stack overflow
            32,
            // a stream key plus a signed token query fits in 1 KiB; 4 KiB is generous, longer is abuse
            4096);

    public RtmpLimits {
        requirePositive(maxMessageLength, "maxMessageLength");
        requirePositive(maxCommandLength, "maxCommandLength");
        requirePositive(maxBufferedMessageBytes, "maxBufferedMessageBytes");
        requirePositive(maxChunkStreams, "maxChunkStreams");
        requirePositive(maxAmfDepth, "maxAmfDepth");
        requirePositive(maxNameLength, "maxNameLength");
        if (maxMessageLength > WIRE_MAX_MESSAGE_LENGTH || maxCommandLength > WIRE_MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("message length limits cannot exceed the 24-bit wire field");
        }
    }

    /** The longest message of this type id that the chunk decoder accepts: media types get the larger limit. */
    public int maxLengthOfType(int typeId) {
        return switch (typeId) {
            case 8, 9, 22 -> maxMessageLength;
            default -> maxCommandLength;
        };
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
