package io.tributary.ingest.rtmp;

import io.tributary.ingest.rtmp.chunk.ChunkDecoder;
import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.ingest.rtmp.command.CommandParser;
import io.tributary.ingest.rtmp.command.RtmpCommand;
import io.tributary.ingest.rtmp.handshake.HandshakeDecoder;
import io.tributary.ingest.rtmp.handshake.HandshakeResult;
import io.tributary.ingest.rtmp.message.MessageDecoder;
import io.tributary.ingest.rtmp.message.RtmpMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The pure layers chained the way the connection adapter will chain them: handshake, then chunk stream, message
 * and command decoding of every byte that follows. Test-only: it answers nothing.
 */
final class ServerPipeline {

    final HandshakeDecoder handshake = new HandshakeDecoder(new SplittableRandom(42));
    final ChunkDecoder chunks;
    final MessageDecoder messages;
    final CommandParser commands;
    final List<RawMessage> raw = new ArrayList<>();
    final List<RtmpMessage> decoded = new ArrayList<>();
    final List<RtmpCommand> parsed = new ArrayList<>();
    int handshakeBytesSent;

    ServerPipeline(RtmpLimits limits) {
        chunks = new ChunkDecoder(limits);
        messages = new MessageDecoder(limits);
        commands = new CommandParser(limits);
    }

    void feed(ByteBuffer in) {
        if (handshake.state() != HandshakeDecoder.State.DONE) {
            HandshakeResult r = handshake.feed(in);
            handshakeBytesSent += r.toSend().length;
            if (r.done()) {
                chunkStream(ByteBuffer.wrap(r.leftover()));
            }
        } else {
            chunkStream(in);
        }
    }

    void chunkStream(ByteBuffer in) {
        for (RawMessage m : chunks.feed(in)) {
            raw.add(m);
            RtmpMessage message = messages.decode(m);
            decoded.add(message);
            commands.parse(message).ifPresent(parsed::add);
        }
    }
}
