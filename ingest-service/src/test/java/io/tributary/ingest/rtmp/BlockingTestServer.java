package io.tributary.ingest.rtmp;

import io.tributary.ingest.rtmp.chunk.ChunkDecoder;
import io.tributary.ingest.rtmp.chunk.ChunkEncoder;
import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.ingest.rtmp.command.CommandParser;
import io.tributary.ingest.rtmp.command.CommandResponses;
import io.tributary.ingest.rtmp.command.RtmpCommand;
import io.tributary.ingest.rtmp.command.RtmpCommand.Connect;
import io.tributary.ingest.rtmp.command.RtmpCommand.CreateStream;
import io.tributary.ingest.rtmp.command.RtmpCommand.FCPublish;
import io.tributary.ingest.rtmp.command.RtmpCommand.FCUnpublish;
import io.tributary.ingest.rtmp.command.RtmpCommand.Publish;
import io.tributary.ingest.rtmp.command.RtmpCommand.ReleaseStream;
import io.tributary.ingest.rtmp.handshake.HandshakeDecoder;
import io.tributary.ingest.rtmp.handshake.HandshakeResult;
import io.tributary.ingest.rtmp.message.MessageDecoder;
import io.tributary.ingest.rtmp.message.RtmpMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection RTMP server on blocking sockets, built only from the pure layers, to check them against real
 * clients in tests: it answers connect, releaseStream, FCPublish, createStream and publish the way the production
 * connection will, and records everything it decoded. Test-only; the real server is the Vert.x adapter.
 */
final class BlockingTestServer implements AutoCloseable {

    /** How the server misbehaves, to show that a client really checks what we send. */
    enum Mode { NORMAL, CORRUPT_S2, STOP_AFTER_CONNECT }

    private final ServerSocket listener;
    private final Thread thread;
    private final Mode mode;
    final HandshakeDecoder handshake = new HandshakeDecoder();
    final List<RtmpMessage> received = Collections.synchronizedList(new ArrayList<>());
    final List<RtmpCommand> commands = Collections.synchronizedList(new ArrayList<>());
    volatile Throwable failure;
    private boolean clientGone;

    BlockingTestServer(Mode mode) throws IOException {
        this.mode = mode;
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serveOne, "rtmp-test-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Waits for the client to hang up (or the server to stop) and rethrows what went wrong on the server side. */
    void awaitEnd() throws Throwable {
        thread.join(TimeUnit.SECONDS.toMillis(60));
        if (failure != null) {
            throw failure;
        }
    }

    private void serveOne() {
        try (Socket socket = listener.accept()) {
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            ChunkDecoder chunks = new ChunkDecoder(RtmpLimits.DEFAULTS);
            MessageDecoder messages = new MessageDecoder(RtmpLimits.DEFAULTS);
            CommandParser parser = new CommandParser(RtmpLimits.DEFAULTS);
            ChunkEncoder encoder = new ChunkEncoder();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                if (handshake.state() != HandshakeDecoder.State.DONE) {
                    HandshakeResult r = handshake.feed(bytes);
                    byte[] toSend = r.toSend();
                    if (mode == Mode.CORRUPT_S2 && toSend.length > 0) {
                        toSend[toSend.length - 1] ^= 1;
                    }
                    out.write(toSend);
                    if (!r.done()) {
                        continue;
                    }
                    bytes = ByteBuffer.wrap(r.leftover());
                }
                for (RawMessage raw : chunks.feed(bytes)) {
                    RtmpMessage message = messages.decode(raw);
                    received.add(message);
                    RtmpCommand command = parser.parse(message).orElse(null);
                    if (command == null) {
                        continue;
                    }
                    commands.add(command);
                    if (mode == Mode.STOP_AFTER_CONNECT && command instanceof Connect) {
                        return;
                    }
                    for (RtmpMessage reply : answer(command)) {
                        write(out, encoder.encode(reply.preferredChunkStreamId(), reply.encode()));
                    }
                }
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** ffmpeg hangs up right after FCUnpublish and deleteStream: answers it can no longer read are not an error. */
    private void write(OutputStream out, byte[] bytes) {
        if (clientGone) {
            return;
        }
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            clientGone = true;
        }
    }

    private static List<RtmpMessage> answer(RtmpCommand command) {
        List<RtmpMessage> replies = new ArrayList<>();
        if (command instanceof Connect c) {
            replies.addAll(CommandResponses.controlAfterConnect(2_500_000, 2_500_000, 4096));
            replies.add(CommandResponses.connectResult(c));
        } else if (command instanceof ReleaseStream r) {
            replies.add(CommandResponses.emptyResult(r.transactionId()));
        } else if (command instanceof FCPublish f) {
            replies.add(CommandResponses.onFCPublish());
            replies.add(CommandResponses.emptyResult(f.transactionId()));
        } else if (command instanceof CreateStream c) {
            replies.add(CommandResponses.createStreamResult(c.transactionId(), 1));
        } else if (command instanceof Publish p) {
            replies.addAll(CommandResponses.publishAccepted(p.messageStreamId()));
        } else if (command instanceof FCUnpublish f) {
            replies.add(CommandResponses.onFCUnpublish());
            replies.add(CommandResponses.emptyResult(f.transactionId()));
        }
        return replies;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
