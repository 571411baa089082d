/**
 * RTMP layer 4: the NetConnection/NetStream commands a publisher sends ({@link
 * io.tributary.ingest.rtmp.command.CommandParser}), the server's standard answers ({@link
 * io.tributary.ingest.rtmp.command.CommandResponses}), and the stream name split into a redacted {@link
 * io.tributary.ingest.rtmp.command.StreamKey} and its query. Pure: JDK and io.tributary.media only.
 */
package io.tributary.ingest.rtmp.command;
