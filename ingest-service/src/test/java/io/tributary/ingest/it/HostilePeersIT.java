package io.tributary.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.ffmpeg.ProcessResult;
import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.ingest.rtmp.message.SetChunkSize;
import io.tributary.media.event.StopReason;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Malformed and hostile peers over real sockets — crafted bytes where no real client misbehaves so — each closed with
 * one log line naming the reason and its address, while an ffmpeg publish on another channel runs undisturbed from
 * the first test to the last.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(IngestTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostilePeersIT {

    private CapturedLogs logs;
    private Path steadyClip;
    private CompletableFuture<ProcessResult> steady;

    @BeforeAll
    void startAStreamThatMustNotNotice() {
        logs = CapturedLogs.install();
        steadyClip = TestMedia.h264Aac(Duration.ofSeconds(20), 320, 180, 30, 30);
        steady = Broadcast.publishAsync(steadyClip, Broadcast.rtmpUrl("good-steady"));
    }

    @AfterAll
    void stopCapturing() {
        logs.close();
    }

    @Test
    @Order(1)
    void closesABadHandshakeVersion() throws Exception {
        try (RtmpTestClient client = RtmpTestClient.open(Broadcast.rtmpPort())) {
            byte[] rtmpe = new byte[1 + 1536];
            rtmpe[0] = 6; // RTMPE, which we do not speak
            client.sendRaw(rtmpe);
            assertClosedWithOneLogLine(client, "UNSUPPORTED_VERSION");
        }
    }

    @Test
    @Order(2)
    void closesGarbage() throws Exception {
        try (RtmpTestClient client = RtmpTestClient.open(Broadcast.rtmpPort())) {
            client.sendRaw("GET / HTTP/1.1\r\nHost: ingest\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertClosedWithOneLogLine(client, "UNSUPPORTED_VERSION");
        }
    }

    @Test
    @Order(3)
    void closesAHugeChunkSizeCarryingAMessageOverTheLimit() throws Exception {
        try (RtmpTestClient client = RtmpTestClient.open(Broadcast.rtmpPort())) {
            client.handshake();
            client.send(new SetChunkSize(0x7FFF_FFFF));
            client.sendRaw(bytes(
                    0x06,                   // fmt 0, chunk stream 6
                    0x00, 0x00, 0x00,       // timestamp 0
                    0xFF, 0xFF, 0xFF,       // message length 16 MiB - 1, over the 8 MiB limit
                    0x09,                   // video
                    0x01, 0x00, 0x00, 0x00  // message stream 1 (little-endian)
            ));
            assertClosedWithOneLogLine(client, "MESSAGE_TOO_LONG");
        }
    }

    @Test
    @Order(4)
    void closesAmfNestedDeeperThanTheLimit() throws Exception {
        ByteArrayOutputStream amf = new ByteArrayOutputStream();
        amf.writeBytes(bytes(0x02, 0x00, 0x07));   // string, length 7
        amf.writeBytes("connect".getBytes(StandardCharsets.US_ASCII));
        amf.writeBytes(bytes(0x00, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0)); // number 1.0
        for (int i = 0; i < 100; i++) {
            amf.writeBytes(bytes(0x03, 0x00, 0x01, 'a')); // object { "a": ...
        }
        amf.write(0x05);                               // null
        for (int i = 0; i < 100; i++) {
            amf.writeBytes(bytes(0x00, 0x00, 0x09));   // } object end
        }
        try (RtmpTestClient client = RtmpTestClient.open(Broadcast.rtmpPort())) {
            client.handshake();
            client.send(3, new RawMessage(20, 0, 0, amf.toByteArray()));
            assertClosedWithOneLogLine(client, "MALFORMED_AMF");
        }
    }

    @Test
    @Order(5)
    void closesAFloodOfChunkStreams() throws Exception {
        try (RtmpTestClient client = RtmpTestClient.open(Broadcast.rtmpPort())) {
            client.handshake();
            try {
                for (int chunkStream = 3; chunkStream < 3 + 200; chunkStream++) {
                    client.send(chunkStream, new RawMessage(8, 1, 0, bytes(0xAF, 0x01)));
                }
            } catch (IOException closedMeanwhile) {
                // the server hung up mid-flood
            }
            assertClosedWithOneLogLine(client, "TOO_MANY_CHUNK_STREAMS");
        }
    }

    @Test
    @Order(6)
    void closesASlowLorisAtTheHandshakeDeadline() throws Exception {
        try (RtmpTestClient client = RtmpTestClient.open(Broadcast.rtmpPort())) {
            byte[] start = new byte[101];
            start[0] = 3;
            client.sendRaw(start); // C0 and 100 of C1's 1536 bytes, then nothing
            long started = System.nanoTime();
            assertClosedWithOneLogLine(client, "handshake-timeout");
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(waited >= 2_000, "not before the 3 s deadline: " + waited + " ms");
        }
    }

    @Test
    @Order(7)
    void endsThePublishOfAnEncoderThatStopsSendingWithTimeout() throws Exception {
        try (RtmpTestClient client = RtmpTestClient.open(Broadcast.rtmpPort())) {
            assertEquals("NetStream.Publish.Start", client.publish("live", "good-idle"));
            SyntheticMedia.send(client, 0, 2, 500);
            assertTrue(client.closedByServerWithin(Duration.ofSeconds(20)), "closed after the 4 s idle timeout");
        }
        Broadcast broadcast = Broadcast.awaitEnd("idle");
        broadcast.assertCompleteSession();
        assertEquals(StopReason.TIMEOUT, broadcast.stopped().get(0).reason());
    }

    @Test
    @Order(8)
    void endsThePublishOfAnEncoderOverItsBitrateCap() throws Exception {
        try (RtmpTestClient client = RtmpTestClient.open(Broadcast.rtmpPort())) {
            // auth-service caps this channel at 100 kbps; 3 s of 4 KB frames sent at once is ~1 Mbps over the window
            assertEquals("NetStream.Publish.Start", client.publish("live", "good-capped"));
            SyntheticMedia.send(client, 0, 3, 4000);
            assertTrue(client.closedByServerWithin(Duration.ofSeconds(20)), "closed at the end of a 2 s window");
        }
        Broadcast broadcast = Broadcast.awaitEnd("capped");
        broadcast.assertCompleteSession();
        assertEquals(StopReason.ERROR, broadcast.stopped().get(0).reason());
        assertTrue(logs.lines().stream().anyMatch(l -> l.contains("channel=capped") && l.contains("over the cap")),
                "the end says why");
    }

    @Test
    @Order(9)
    void closesPlainRtmpOnTheRtmpsPort() throws Exception {
        try (RtmpTestClient client = RtmpTestClient.open(Broadcast.rtmpsPort())) {
            byte[] c0c1 = new byte[1 + 1536];
            c0c1[0] = 3;
            client.sendRaw(c0c1);
            assertClosedWithOneLogLine(client, "tls-handshake");
        }
    }

    @Test
    @Order(10)
    void countsProtocolErrorsByReason() {
        String metrics = Broadcast.metrics();
        for (String reason : List.of("unsupported-version", "message-too-long", "malformed-amf",
                "too-many-chunk-streams", "handshake-timeout", "tls-handshake")) {
            assertTrue(metrics.contains("tributary_ingest_protocol_errors_total{reason=\"" + reason + "\"}"), reason);
        }
    }

    @Test
    @Order(100)
    void theStreamOnAnotherChannelCarriedOnUndisturbed() throws Exception {
        ProcessResult result = steady.get(120, TimeUnit.SECONDS);
        assertEquals(0, result.exitCode(), result.stderrTail());
        Broadcast broadcast = Broadcast.awaitEnd("steady");
        broadcast.assertCompleteSession();
        assertEquals(StopReason.PUBLISHER_CLOSED, broadcast.stopped().get(0).reason());
        FfmpegPublishIT.assertDurationOfClip(steadyClip, broadcast.totalDurationMillis());
    }

    private void assertClosedWithOneLogLine(RtmpTestClient client, String reason) throws Exception {
        assertTrue(client.closedByServerWithin(Duration.ofSeconds(15)), "closed by the server: " + reason);
        List<String> lines = List.of();
        for (int i = 0; i < 50 && lines.isEmpty(); i++) {
            lines = logs.containing(client.localAddress());
            Thread.sleep(100);
        }
        assertEquals(1, lines.size(), "one log line for " + client.localAddress() + ": " + lines);
        assertTrue(lines.get(0).contains(reason), lines.get(0));
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
