package io.tributary.media.flv;

/**
 * One FLV tag (FLV 10.1 §E.4.1): its TagType, its timestamp and its body, the tag data after the 11-byte tag
 * header. The body of an audio or video tag is exactly the payload of the RTMP message of the same type, so the
 * ingest can build tags from messages without copying through another form.
 */
public sealed interface FlvTag permits AudioTag, VideoTag, ScriptDataTag {
    int TYPE_AUDIO = 8;
    int TYPE_VIDEO = 9;
    int TYPE_SCRIPT_DATA = 18;

    /** The largest body a tag can carry: DataSize is a UI24. */
    int MAX_BODY_SIZE = 0xFFFFFF;
    /** Timestamp and TimestampExtended together: unsigned 32-bit milliseconds. */
    long MAX_TIMESTAMP = 0xFFFFFFFFL;

    /** Milliseconds, 0 to {@link #MAX_TIMESTAMP}: the decoding timestamp for audio and video. */
    long timestamp();

    /** The tag data. Do not change the array. */
    byte[] body();

    int tagType();
}
