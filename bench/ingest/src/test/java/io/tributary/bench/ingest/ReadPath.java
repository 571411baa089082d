package io.tributary.bench.ingest;

import io.tributary.ingest.gop.GopRecord;
import io.tributary.ingest.gop.SessionGops;
import io.tributary.ingest.gop.TagIntake;
import io.tributary.ingest.rtmp.RtmpLimits;
import io.tributary.ingest.rtmp.chunk.ChunkDecoder;
import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.ingest.rtmp.command.CommandParser;
import io.tributary.ingest.rtmp.command.RtmpCommand.SetDataFrame;
import io.tributary.ingest.rtmp.handshake.HandshakeDecoder;
import io.tributary.ingest.rtmp.handshake.HandshakeResult;
import io.tributary.ingest.rtmp.message.Aggregate;
import io.tributary.ingest.rtmp.message.Audio;
import io.tributary.ingest.rtmp.message.MessageDecoder;
import io.tributary.ingest.rtmp.message.RtmpMessage;
import io.tributary.ingest.rtmp.message.Video;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.ScriptDataTag;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The ingest's read path for one publishing connection, without sockets, sessions or Kafka: what
 * {@code RtmpConnection.received} does with each socket read (handshake, then {@link ChunkDecoder},
 * {@link MessageDecoder}, {@link CommandParser}) and what {@code LiveSession} does with the media and metadata
 * ({@link TagIntake}, {@link SessionGops}, the stream facts each record is sent with), up to the GOP record bytes
 * that would go to Kafka. One instance replays one capture once; single-threaded, like a connection.
 */
final class ReadPath {

    /** How a socket read reaches the chunk decoder. */
    enum Reads {
        /** Copied to a {@code byte[]} first, as {@code RtmpConnection} did with {@code Buffer.getBytes()}. */
        COPY,
        /** As a view of the read buffer ({@code ByteBuffer}), as it does now with {@code nioBuffer()}. */
        VIEW
    }

    /** What one replay produced. */
    record Result(long mediaBytes, long mediaMillis, long records, long recordBytes) {
    }

    /** The ingest's defaults (tributary.ingest.gop.*): 10 s longest GOP, 2 s audio-only, 64 MiB, 8 MiB records. */
    static final SessionGops.Settings GOP_SETTINGS = new SessionGops.Settings(10_000, 2_000, 64L << 20, 8 << 20);

    private final HandshakeDecoder handshake = new HandshakeDecoder();
    private final ChunkDecoder chunks = new ChunkDecoder(RtmpLimits.DEFAULTS);
    private final MessageDecoder messages = new MessageDecoder(RtmpLimits.DEFAULTS);
    private final CommandParser commands = new CommandParser(RtmpLimits.DEFAULTS);
    private final TagIntake intake = new TagIntake();
    private final SessionGops gops = new SessionGops("bench", GOP_SETTINGS, Clock.systemUTC());
    private long mediaBytes;
    private long records;
    private long recordBytes;

    /** Replays {@code capture} in socket reads of {@code readBytes}. */
    static Result replay(PublishCapture capture, int readBytes, Reads reads) {
        ReadPath path = new ReadPath();
        if (!capture.handshake()) {
            path.handshakeDone();
        }
        byte[] stream = capture.bytes();
        for (int at = 0; at < stream.length; at += readBytes) {
            path.received(stream, at, Math.min(readBytes, stream.length - at), reads);
        }
        path.sent(path.gops.finish());
        return new Result(path.mediaBytes, path.gops.mediaDurationMillis(), path.records, path.recordBytes);
    }

    /** A capture without a handshake starts with chunks: take the decoder through an empty one. */
    private void handshakeDone() {
        byte[] c0c1 = new byte[1 + HandshakeDecoder.PACKET_SIZE];
        c0c1[0] = HandshakeDecoder.RTMP_VERSION;
        handshake.feed(c0c1);
        handshake.feed(new byte[HandshakeDecoder.PACKET_SIZE]);
        if (handshake.state() != HandshakeDecoder.State.DONE) {
            throw new IllegalStateException("handshake not done: " + handshake.state());
        }
    }

    private void received(byte[] stream, int offset, int length, Reads reads) {
        if (handshake.state() != HandshakeDecoder.State.DONE) {
            HandshakeResult result = handshake.feed(Arrays.copyOfRange(stream, offset, offset + length));
            if (result.done() && result.leftover().length > 0) {
                handle(chunks.feed(result.leftover()));
            }
            return;
        }
        handle(reads == Reads.COPY
                ? chunks.feed(Arrays.copyOfRange(stream, offset, offset + length))
                : chunks.feed(ByteBuffer.wrap(stream, offset, length)));
    }

    private void handle(List<RawMessage> raws) {
        for (RawMessage raw : raws) {
            handle(messages.decode(raw));
        }
    }

    private void handle(RtmpMessage message) {
        if (message instanceof Video v) {
            mediaBytes += v.payload().length;
            intake.video(v.timestamp(), v.payload()).ifPresent(this::accept);
        } else if (message instanceof Audio a) {
            mediaBytes += a.payload().length;
            intake.audio(a.timestamp(), a.payload()).ifPresent(this::accept);
        } else if (message instanceof Aggregate aggregate) {
            aggregate.parts().forEach(this::handle);
        } else {
            commands.parse(message)
                    .filter(c -> c instanceof SetDataFrame d && ScriptDataTag.ON_META_DATA.equals(d.dataName()))
                    .map(SetDataFrame.class::cast)
                    .flatMap(d -> intake.metadata(d.timestamp(), d.metadata()))
                    .ifPresent(this::accept);
        }
    }

    private void accept(FlvTag tag) {
        sent(gops.accept(tag));
    }

    /** What SessionOutput sends: each record with the stream's facts. */
    private void sent(List<GopRecord> closed) {
        for (GopRecord record : closed) {
            gops.facts();
            records++;
            recordBytes += record.value().length;
        }
    }
}
