package io.tributary.ingest.rtmp.message;

import io.tributary.ingest.rtmp.chunk.RawMessage;

/**
 * One RTMP message, decoded by type id (RTMP spec 5.4, 6.2, 7.1). A record per type; {@link MessageDecoder} turns a
 * {@link RawMessage} from the chunk stream into one, {@link #encode()} turns one back for the {@code ChunkEncoder}.
 *
 * <p>Protocol control messages (1-6) always travel on message stream 0 with timestamp 0 and do not carry either;
 * the others keep both.
 */
public sealed interface RtmpMessage
        permits SetChunkSize, Abort, Acknowledgement, UserControl, WindowAcknowledgementSize, SetPeerBandwidth,
                Audio, Video, DataAmf3, SharedObject, CommandAmf3, DataAmf0, CommandAmf0, Aggregate, UnknownMessage {

    /** Chunk stream ids for what we send, as ffmpeg and nginx-rtmp use them. */
    int CONTROL_CHUNK_STREAM = 2;
    int COMMAND_CHUNK_STREAM = 3;
    int AUDIO_CHUNK_STREAM = 4;
    int DATA_CHUNK_STREAM = 5;
    int VIDEO_CHUNK_STREAM = 6;

    int typeId();

    RawMessage encode();

    /** The chunk stream to send this message on: protocol control must use 2 (RTMP spec 5.4). */
    default int preferredChunkStreamId() {
        return switch (typeId()) {
            case 1, 2, 3, 4, 5, 6 -> CONTROL_CHUNK_STREAM;
            case 8 -> AUDIO_CHUNK_STREAM;
            case 9 -> VIDEO_CHUNK_STREAM;
            case 15, 18, 22 -> DATA_CHUNK_STREAM;
            default -> COMMAND_CHUNK_STREAM;
        };
    }

    /** A protocol control message: stream 0, timestamp 0. */
    static RawMessage control(int typeId, byte[] payload) {
        return new RawMessage(typeId, 0, 0, payload);
    }
}
