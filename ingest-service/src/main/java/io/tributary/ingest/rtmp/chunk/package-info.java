/**
 * RTMP layer 2: the chunk stream (RTMP specification 5.3). {@link io.tributary.ingest.rtmp.chunk.ChunkDecoder}
 * reassembles {@link io.tributary.ingest.rtmp.chunk.RawMessage}s within {@link io.tributary.ingest.rtmp.RtmpLimits};
 * {@link io.tributary.ingest.rtmp.chunk.ChunkEncoder} chunks what we send. Pure: JDK only.
 */
package io.tributary.ingest.rtmp.chunk;
