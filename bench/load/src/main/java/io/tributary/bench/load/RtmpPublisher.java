package io.tributary.bench.load;

import io.tributary.ingest.rtmp.RtmpLimits;
import io.tributary.ingest.rtmp.chunk.ChunkDecoder;
import io.tributary.ingest.rtmp.chunk.ChunkEncoder;
import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.ingest.rtmp.handshake.HandshakeDecoder;
import io.tributary.ingest.rtmp.message.CommandAmf0;
import io.tributary.ingest.rtmp.message.MessageDecoder;
import io.tributary.ingest.rtmp.message.RtmpMessage;
import io.tributary.ingest.rtmp.message.SetChunkSize;
import io.tributary.media.amf.Amf0Writer;
import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfNumber;
import io.tributary.media.amf.AmfValue.AmfObject;
import io.tributary.media.amf.AmfValue.AmfString;
import io.tributary.media.flv.FlvTag;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One RTMP publisher as a non-blocking state machine, driven by the {@link PublisherLoop} thread only: TCP connect,
 * a simple handshake (C1 version 0, RTMP spec 5.2), Set Chunk Size, connect, releaseStream / FCPublish /
 * createStream, publish; after {@code NetStream.Publish.Start}, {@code @setDataFrame onMetaData}, the sequence
 * headers and then the clip's tags as their {@link PublisherTimeline} makes them due. Nothing blocks: what the
 * socket does not take waits in an outbox, whose size says whether the ingest keeps up.
 */
final class RtmpPublisher {

    enum Phase { NEW, CONNECTING, HANDSHAKE, CONNECT, CREATE_STREAM, PUBLISH, STREAMING, CLOSED, FAILED }

    /** Our chunk size: what OBS and ffmpeg use for publishing; fewer chunk headers for the ingest to parse. */
    private static final int CHUNK_SIZE = 4096;
    private static final int S0_S1_S2 = 1 + 2 * HandshakeDecoder.PACKET_SIZE;
    /** The ingest's decision and our wire timestamps: both want a NetStream id; ours is the one it answers. */
    private static final String APP = "live";

    private final String channel;
    private final String streamKey;
    private final InetSocketAddress ingest;
    private final InetSocketAddress local;
    private final PublisherTimeline timeline;
    private final SourceClip clip;
    private final long behindBytes;
    private final ChunkEncoder encoder = new ChunkEncoder();
    private final ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);
    private final MessageDecoder messages = new MessageDecoder(RtmpLimits.DEFAULTS);
    private final ArrayDeque<ByteBuffer> outbox = new ArrayDeque<>();
    private final byte[] handshakeAnswer = new byte[S0_S1_S2];
    private int handshakeFilled;
    private SocketChannel socket;
    private SelectionKey key;
    private Phase phase = Phase.NEW;
    private int streamId;
    private long outboxBytes;
    private boolean behind;
    private boolean closeWhenFlushed;
    private final PublisherStatus.Builder status;

    /**
     * @param local       the address to connect from: each publisher its own loopback address, as each encoder has
     *                    its own, so that the ingest's per-address connection limit applies as in production
     * @param behindBytes outbox size from which the publisher counts as behind (about a second of media)
     */
    RtmpPublisher(String channel, String streamKey, InetSocketAddress ingest, InetSocketAddress local, SourceClip clip,
            PublisherTimeline timeline, long behindBytes) {
        this.channel = channel;
        this.streamKey = streamKey;
        this.ingest = ingest;
        this.local = local;
        this.clip = clip;
        this.timeline = timeline;
        this.behindBytes = behindBytes;
        this.status = new PublisherStatus.Builder(channel);
    }

    String channel() {
        return channel;
    }

    Phase phase() {
        return phase;
    }

    boolean streaming() {
        return phase == Phase.STREAMING && !closeWhenFlushed;
    }

    boolean finished() {
        return phase == Phase.CLOSED || phase == Phase.FAILED;
    }

    PublisherStatus status() {
        return status.build(phase, outboxBytes);
    }

    void open(Selector selector) {
        try {
            socket = SocketChannel.open();
            socket.configureBlocking(false);
            socket.socket().setTcpNoDelay(true);
            socket.bind(local);
            key = socket.register(selector, SelectionKey.OP_CONNECT, this);
            phase = Phase.CONNECTING;
            if (socket.connect(ingest)) {
                onConnected();
            }
        } catch (IOException e) {
            fail("connect: " + e.getMessage());
        }
    }

    /** Called by the loop for the key's ready operations. */
    void onReady(ByteBuffer scratch) {
        try {
            if (key.isValid() && key.isConnectable() && socket.finishConnect()) {
                onConnected();
            }
            if (key.isValid() && key.isReadable()) {
                read(scratch);
            }
            if (key.isValid() && key.isWritable()) {
                flush();
            }
        } catch (IOException | RuntimeException e) {
            fail(phase + ": " + e.getMessage());
        }
    }

    /**
     * When the next keyframe can go out (System.nanoTime): when it is due, or when the tag before it in the clip is,
     * should that one be due later (tags go out in order); {@link Long#MAX_VALUE} when not streaming.
     */
    long nextKeyframeDueNanos() {
        return streaming() ? Math.max(timeline.nextKeyframeDueNanos(), timeline.dueNanos()) : Long.MAX_VALUE;
    }

    /** Queues every tag due by {@code nowNanos} and writes what the socket takes. */
    void sendDue(long nowNanos, LatenessHistogram lateness) {
        if (!streaming()) {
            return;
        }
        try {
            while (timeline.dueNanos() <= nowNanos) {
                ClipTag tag = timeline.tag();
                lateness.record(nowNanos - timeline.dueNanos());
                int chunkStream = tag.typeId() == FlvTag.TYPE_VIDEO
                        ? RtmpMessage.VIDEO_CHUNK_STREAM : RtmpMessage.AUDIO_CHUNK_STREAM;
                queue(encoder.encode(chunkStream,
                        new RawMessage(tag.typeId(), streamId, timeline.mediaMillis(), tag.body())));
                status.tagSent();
                timeline.advance();
            }
            flush();
            if (outboxBytes > behindBytes && !behind) {
                status.fellBehind();
            }
            behind = outboxBytes > behindBytes;
        } catch (IOException | RuntimeException e) {
            fail("sending media: " + e.getMessage());
        }
    }

    /** Ends the broadcast as an encoder does (FCUnpublish, deleteStream), then closes once the outbox is written. */
    void stop() {
        if (finished()) {
            return;
        }
        if (phase == Phase.STREAMING) {
            try {
                for (CommandAmf0 command : PublishCommands.unpublish(streamId, streamKey)) {
                    send(command);
                }
                closeWhenFlushed = true;
                flush();
                return;
            } catch (IOException | RuntimeException e) {
                // closing anyway
            }
        }
        close(Phase.CLOSED);
    }

    /** Closes at once, whatever is still queued. */
    void abort(String reason) {
        if (!finished()) {
            fail(reason);
        }
    }

    private void onConnected() throws IOException {
        status.connected();
        phase = Phase.HANDSHAKE;
        key.interestOps(SelectionKey.OP_READ);
        byte[] c0c1 = new byte[1 + HandshakeDecoder.PACKET_SIZE];
        c0c1[0] = HandshakeDecoder.RTMP_VERSION;
        // C1: time 0, zero (version 0: no digest), then bytes the server only echoes back
        for (int i = 9; i < c0c1.length; i++) {
            c0c1[i] = (byte) (i * 31 + 7);
        }
        queue(c0c1);
        flush();
    }

    private void read(ByteBuffer scratch) throws IOException {
        while (true) {
            scratch.clear();
            int n = socket.read(scratch);
            if (n < 0) {
                if (closeWhenFlushed) {
                    close(Phase.CLOSED);
                } else {
                    fail("closed by the ingest in phase " + phase);
                }
                return;
            }
            if (n == 0) {
                return;
            }
            scratch.flip();
            if (phase == Phase.HANDSHAKE) {
                int take = Math.min(scratch.remaining(), S0_S1_S2 - handshakeFilled);
                scratch.get(handshakeAnswer, handshakeFilled, take);
                handshakeFilled += take;
                if (handshakeFilled < S0_S1_S2) {
                    continue;
                }
                afterHandshake();
            }
            if (scratch.hasRemaining()) {
                for (RawMessage raw : decoder.feed(scratch)) {
                    onMessage(messages.decode(raw));
                    if (finished()) {
                        return;
                    }
                }
            }
        }
    }

    private void afterHandshake() throws IOException {
        // C2 echoes S1 (RTMP spec 5.2.4); the ingest reads C2 and ignores it
        byte[] c2 = new byte[HandshakeDecoder.PACKET_SIZE];
        System.arraycopy(handshakeAnswer, 1, c2, 0, c2.length);
        queue(c2);
        send(new SetChunkSize(CHUNK_SIZE));
        send(PublishCommands.connect(APP, "rtmp://" + ingest.getHostString() + ":" + ingest.getPort() + "/" + APP));
        phase = Phase.CONNECT;
        flush();
    }

    private void onMessage(RtmpMessage message) throws IOException {
        if (!(message instanceof CommandAmf0 command) || command.values().isEmpty()
                || !(command.values().get(0) instanceof AmfString name)) {
            return; // window size, peer bandwidth, chunk size (applied by the decoder), user control: nothing to do
        }
        double transaction = command.values().size() > 1 && command.values().get(1) instanceof AmfNumber t
                ? t.value() : -1;
        switch (name.value()) {
            case "_result" -> {
                if (phase == Phase.CONNECT && transaction == PublishCommands.CONNECT) {
                    for (CommandAmf0 prepare : PublishCommands.prepareStream(streamKey)) {
                        send(prepare);
                    }
                    phase = Phase.CREATE_STREAM;
                    flush();
                } else if (phase == Phase.CREATE_STREAM && transaction == PublishCommands.CREATE_STREAM) {
                    streamId = command.values().size() > 3 && command.values().get(3) instanceof AmfNumber id
                            ? (int) id.value() : 1;
                    send(PublishCommands.publish(streamId, streamKey));
                    phase = Phase.PUBLISH;
                    status.publishSent();
                    flush();
                }
            }
            case "_error" -> fail("the ingest answered _error in phase " + phase);
            case "onStatus" -> onStatus(statusCode(command));
            default -> {
                // onBWDone, onFCPublish...: informational
            }
        }
    }

    private void onStatus(String code) throws IOException {
        if (phase == Phase.PUBLISH && code.equals("NetStream.Publish.Start")) {
            phase = Phase.STREAMING;
            status.publishStarted();
            queue(encoder.encode(RtmpMessage.DATA_CHUNK_STREAM, new RawMessage(18, streamId, 0, setDataFrame())));
            queue(encoder.encode(RtmpMessage.VIDEO_CHUNK_STREAM,
                    new RawMessage(FlvTag.TYPE_VIDEO, streamId, 0, clip.videoConfig().body())));
            queue(encoder.encode(RtmpMessage.AUDIO_CHUNK_STREAM,
                    new RawMessage(FlvTag.TYPE_AUDIO, streamId, 0, clip.audioConfig().body())));
            timeline.begin(System.nanoTime());
            flush();
        } else if (closeWhenFlushed) {
            return; // NetStream.Unpublish.Success and the like, answering our own stop
        } else if (code.contains("Failed") || code.contains("BadName") || code.contains("Rejected")
                || code.contains("Unpublish") || code.contains("Error")) {
            fail("onStatus " + code);
        }
    }

    private static String statusCode(CommandAmf0 command) {
        return command.values().size() > 3 && command.values().get(3) instanceof AmfObject info
                && info.properties().get("code") instanceof AmfString code ? code.value() : "";
    }

    /** {@code @setDataFrame} followed by the clip's own {@code onMetaData} (FLV 10.1 §E.5), as encoders send it. */
    private byte[] setDataFrame() {
        byte[] head = new Amf0Writer().write(AmfValue.string("@setDataFrame")).toByteArray();
        byte[] payload = new byte[head.length + clip.metadata().length];
        System.arraycopy(head, 0, payload, 0, head.length);
        System.arraycopy(clip.metadata(), 0, payload, head.length, clip.metadata().length);
        return payload;
    }

    private void send(RtmpMessage message) {
        queue(encoder.encode(message.preferredChunkStreamId(), message.encode()));
    }

    private void queue(byte[] bytes) {
        outbox.add(ByteBuffer.wrap(bytes));
        outboxBytes += bytes.length;
        status.outboxSeen(outboxBytes);
    }

    private void flush() throws IOException {
        while (!outbox.isEmpty()) {
            ByteBuffer head = outbox.peek();
            int written = socket.write(head);
            outboxBytes -= written;
            status.bytesWritten(written);
            if (head.hasRemaining()) {
                interest(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
            outbox.poll();
        }
        if (closeWhenFlushed) {
            close(Phase.CLOSED);
        } else {
            interest(SelectionKey.OP_READ);
        }
    }

    /** Changes the key's interest only when it differs: each change is an epoll_ctl at the next select. */
    private void interest(int ops) {
        if (key.isValid() && key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    private void fail(String reason) {
        status.failed(reason);
        close(Phase.FAILED);
    }

    private void close(Phase end) {
        phase = end;
        outbox.clear();
        outboxBytes = 0;
        status.closed();
        if (key != null) {
            key.cancel();
        }
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing left to do with it
            }
        }
    }

    /** Never the stream key. */
    @Override
    public String toString() {
        return "RtmpPublisher[" + channel + ", " + phase + "]";
    }
}
