package io.tributary.ingest.it;

import io.tributary.ingest.rtmp.RtmpLimits;
import io.tributary.ingest.rtmp.chunk.ChunkDecoder;
import io.tributary.ingest.rtmp.chunk.ChunkEncoder;
import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.ingest.rtmp.message.Audio;
import io.tributary.ingest.rtmp.message.CommandAmf0;
import io.tributary.ingest.rtmp.message.MessageDecoder;
import io.tributary.ingest.rtmp.message.RtmpMessage;
import io.tributary.ingest.rtmp.message.Video;
import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfObject;
import io.tributary.media.amf.AmfValue.AmfString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A blocking RTMP publisher for tests that need what no encoder does: crafted bytes, media before the answer, a
 * publisher that stops sending. Built from the pure codec layers (the client side of the same protocol).
 */
final class RtmpTestClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ChunkEncoder encoder = new ChunkEncoder();
    private final ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);
    private final MessageDecoder messages = new MessageDecoder(RtmpLimits.DEFAULTS);
    private final Deque<RawMessage> unread = new ArrayDeque<>();

    private RtmpTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RtmpTestClient open(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(15_000);
        socket.setTcpNoDelay(true);
        return new RtmpTestClient(socket);
    }

    /** ip:port of this client as the server sees it (and logs it). */
    String localAddress() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** C0+C1, S0+S1+S2, C2: a simple handshake (version 0 C1, as GStreamer sends it). */
    RtmpTestClient handshake() throws IOException {
        byte[] c0c1 = new byte[1 + 1536];
        c0c1[0] = 3;
        for (int i = 9; i < c0c1.length; i++) {
            c0c1[i] = (byte) (i * 31);
        }
        out.write(c0c1);
        byte[] s = readHandshakeAnswer();
        out.write(Arrays.copyOfRange(s, 1, 1 + 1536)); // C2 echoes S1
        return this;
    }

    /** S0+S1+S2, which come before any chunk. */
    byte[] readHandshakeAnswer() throws IOException {
        byte[] s = in.readNBytes(1 + 2 * 1536);
        if (s.length != 1 + 2 * 1536) {
            throw new IOException("handshake answer cut short");
        }
        return s;
    }

    /** Handshake, connect, createStream, publish: returns the onStatus code of the answer. */
    String publish(String app, String name) throws IOException {
        handshake();
        connect(app);
        send(new CommandAmf0(0, 0, List.of(AmfValue.string("createStream"), AmfValue.number(2), AmfValue.NULL)));
        sendPublish(name);
        return awaitStatus().orElse("(closed)");
    }

    void connect(String app) throws IOException {
        Map<String, AmfValue> properties = new LinkedHashMap<>();
        properties.put("app", AmfValue.string(app));
        properties.put("type", AmfValue.string("nonprivate"));
        properties.put("flashVer", AmfValue.string("FMLE/3.0 (compatible; tributary-test)"));
        properties.put("tcUrl", AmfValue.string("rtmp://127.0.0.1/" + app));
        send(new CommandAmf0(0, 0, List.of(AmfValue.string("connect"), AmfValue.number(1),
                new AmfObject(properties))));
    }

    void sendPublish(String name) throws IOException {
        send(new CommandAmf0(1, 0, List.of(AmfValue.string("publish"), AmfValue.number(0), AmfValue.NULL,
                AmfValue.string(name), AmfValue.string("live"))));
    }

    void send(RtmpMessage message) throws IOException {
        sendRaw(encoder.encode(message.preferredChunkStreamId(), message.encode()));
    }

    /** A message on a chunk stream of our choosing. */
    void send(int chunkStreamId, RawMessage message) throws IOException {
        sendRaw(encoder.encode(chunkStreamId, message));
    }

    void video(long timestamp, byte[] body) throws IOException {
        send(new Video(1, timestamp, body));
    }

    void audio(long timestamp, byte[] body) throws IOException {
        send(new Audio(1, timestamp, body));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads the server's messages until an onStatus arrives: its info code; empty if the server closed first. */
    Optional<String> awaitStatus() throws IOException {
        return awaitCommand("onStatus").map(c -> c.values().size() > 3 && c.values().get(3) instanceof AmfObject info
                && info.properties().get("code") instanceof AmfString code ? code.value() : "(no code)");
    }

    /**
     * Reads the server's messages until a command of this name arrives; empty if the server closed first. Messages
     * read after it (in the same segment) are kept for the next call.
     */
    Optional<CommandAmf0> awaitCommand(String commandName) throws IOException {
        byte[] buffer = new byte[8192];
        while (true) {
            RawMessage raw;
            while ((raw = unread.poll()) != null) {
                if (messages.decode(raw) instanceof CommandAmf0 c && c.values().get(0) instanceof AmfString name
                        && name.value().equals(commandName)) {
                    return Optional.of(c);
                }
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                return Optional.empty();
            }
            if (n < 0) {
                return Optional.empty();
            }
            unread.addAll(decoder.feed(buffer, 0, n));
        }
    }

    /** Whether the server closes the connection within {@code timeout} (reading and dropping what it sends). */
    boolean closedByServerWithin(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[8192];
        while (System.nanoTime() < deadline) {
            socket.setSoTimeout((int) Math.max(1, Math.min(500, (deadline - System.nanoTime()) / 1_000_000)));
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // keep waiting
            } catch (IOException e) {
                return true; // reset by the server
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
