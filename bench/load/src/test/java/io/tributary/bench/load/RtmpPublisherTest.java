package io.tributary.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ingest.rtmp.RtmpLimits;
import io.tributary.ingest.rtmp.chunk.ChunkDecoder;
import io.tributary.ingest.rtmp.chunk.ChunkEncoder;
import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.ingest.rtmp.command.CommandParser;
import io.tributary.ingest.rtmp.command.CommandResponses;
import io.tributary.ingest.rtmp.command.RtmpCommand;
import io.tributary.ingest.rtmp.handshake.HandshakeDecoder;
import io.tributary.ingest.rtmp.handshake.HandshakeResult;
import io.tributary.ingest.rtmp.message.Audio;
import io.tributary.ingest.rtmp.message.MessageDecoder;
import io.tributary.ingest.rtmp.message.RtmpMessage;
import io.tributary.ingest.rtmp.message.Video;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The publisher against a server made of the ingest's own server-side codecs (handshake, chunk, message, command
 * parser and responses): what it sends must be what the ingest reads.
 */
class RtmpPublisherTest {

    private static final int STREAM_ID = 1;
    private static final int MEDIA_MESSAGES = 12;

    /** A keyframe, then audio and inter frames every 10 ms: the first dozen tags are due within 0.1 s. */
    private static SourceClip clip() {
        List<ClipTag> media = new ArrayList<>();
        media.add(new ClipTag(9, 0, new byte[] {0x17, 1, 0, 0, 0, 9}, true, false));
        for (int t = 10; t <= 200; t += 10) {
            media.add(t % 20 == 0
                    ? new ClipTag(9, t, new byte[] {0x27, 1, 0, 0, 0, 9}, false, false)
                    : new ClipTag(8, t, new byte[] {(byte) 0xAF, 1, 0x21}, false, false));
        }
        return new SourceClip(new byte[] {2, 0, 10, 'o', 'n', 'M', 'e', 't', 'a', 'D', 'a', 't', 'a', 8, 0, 0, 0, 0, 0, 0, 9},
                new ClipTag(9, 0, new byte[] {0x17, 0, 0, 0, 0, 1}, false, true),
                new ClipTag(8, 0, new byte[] {(byte) 0xAF, 0, 0x11, (byte) 0x90}, false, true), media, 210);
    }

    @Test
    void publishesSequenceHeadersThenTheClipOnceThePublishIsAccepted() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             PublisherLoop loop = new PublisherLoop(5)) {
            CompletableFuture<Served> served = CompletableFuture.supplyAsync(() -> serve(server));
            SourceClip clip = clip();
            RtmpPublisher publisher = new RtmpPublisher("alice", "tsk_secret", new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), server.getLocalPort()), LoadSession.loopbackSource(0), clip,
                    new PublisherTimeline(clip, 0, 1.0), 1 << 20);
            loop.add(publisher);
            Served ingest = served.get(20, TimeUnit.SECONDS);
            List<RtmpMessage> messages = ingest.media();

            Video videoConfig = assertInstanceOf(Video.class, messages.get(0));
            assertTrue(Arrays.equals(clip.videoConfig().body(), videoConfig.payload()), "AVC sequence header first");
            Audio audioConfig = assertInstanceOf(Audio.class, messages.get(1));
            assertTrue(Arrays.equals(clip.audioConfig().body(), audioConfig.payload()), "then the AAC config");
            long previous = -1;
            for (int i = 2; i < messages.size(); i++) {
                long timestamp = messages.get(i) instanceof Video v ? v.timestamp() : ((Audio) messages.get(i)).timestamp();
                assertEquals(clip.media().get(i - 2).timestamp(), timestamp, "media time of tag " + (i - 2));
                assertTrue(timestamp > previous);
                previous = timestamp;
            }
            PublisherStatus status = loop.statuses().get(0);
            assertEquals(RtmpPublisher.Phase.STREAMING, status.phase());
            assertTrue(status.publishStartedAt() >= status.publishSentAt() && status.publishSentAt() > 0);
            assertTrue(!publisher.toString().contains("tsk_secret"), "the key never shows");
            ingest.socket().close();
        }
    }

    /** What the server read, and its end of the connection, left open until the test has looked at the publisher. */
    private record Served(List<RtmpMessage> media, Socket socket) {
    }

    /** Accepts one publisher and returns the audio and video messages after its publish, the configs first. */
    private static Served serve(ServerSocket server) {
        try {
            Socket socket = server.accept();
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            HandshakeDecoder handshake = new HandshakeDecoder();
            ChunkDecoder chunks = new ChunkDecoder(RtmpLimits.DEFAULTS);
            MessageDecoder decoder = new MessageDecoder(RtmpLimits.DEFAULTS);
            CommandParser parser = new CommandParser(RtmpLimits.DEFAULTS);
            ChunkEncoder encoder = new ChunkEncoder();
            List<RtmpMessage> media = new ArrayList<>();
            byte[] buffer = new byte[16384];
            boolean shaken = false;
            while (media.size() < 2 + MEDIA_MESSAGES) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("the publisher closed");
                }
                byte[] bytes = Arrays.copyOf(buffer, n);
                if (!shaken) {
                    HandshakeResult result = handshake.feed(bytes);
                    out.write(result.toSend());
                    shaken = result.done();
                    bytes = result.leftover();
                }
                for (RawMessage raw : chunks.feed(bytes)) {
                    RtmpMessage message = decoder.decode(raw);
                    if (message instanceof Video || message instanceof Audio) {
                        media.add(message);
                        continue;
                    }
                    for (RtmpMessage answer : answer(parser.parse(message).orElse(null))) {
                        out.write(encoder.encode(answer.preferredChunkStreamId(), answer.encode()));
                    }
                }
            }
            return new Served(media, socket);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<RtmpMessage> answer(RtmpCommand command) {
        if (command instanceof RtmpCommand.Connect connect) {
            return List.of(CommandResponses.connectResult(connect));
        }
        if (command instanceof RtmpCommand.CreateStream create) {
            return List.of(CommandResponses.createStreamResult(create.transactionId(), STREAM_ID));
        }
        if (command instanceof RtmpCommand.Publish publish) {
            assertEquals("tsk_secret", publish.name().key().value());
            assertEquals(STREAM_ID, publish.messageStreamId());
            return CommandResponses.publishAccepted(STREAM_ID);
        }
        return List.of();
    }
}
