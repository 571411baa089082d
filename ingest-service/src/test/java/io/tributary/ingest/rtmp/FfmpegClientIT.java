package io.tributary.ingest.rtmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.ffmpeg.ProcessResult;
import io.tributary.ingest.rtmp.command.RtmpCommand;
import io.tributary.ingest.rtmp.command.RtmpCommand.Connect;
import io.tributary.ingest.rtmp.command.RtmpCommand.Publish;
import io.tributary.ingest.rtmp.command.RtmpCommand.Unknown;
import io.tributary.ingest.rtmp.handshake.DigestSchema;
import io.tributary.ingest.rtmp.message.Audio;
import io.tributary.ingest.rtmp.message.RtmpMessage;
import io.tributary.ingest.rtmp.message.Video;
import io.tributary.testsupport.media.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The bundled FFmpeg 7.1 against {@link BlockingTestServer}: as a publisher it checks our answers (it waits for
 * NetStream.Publish.Start), as a player it checks our complex handshake (it validates S1's digest and S2's
 * signature before it sends connect).
 */
class FfmpegClientIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void ffmpegPublishesH264AndEveryTagArrivesIntact() throws Throwable {
        publishAndCompare(TestMedia.h264Aac(Duration.ofSeconds(2), 320, 180, 30, 30));
    }

    @Test
    void ffmpegPublishesEnhancedRtmpHevcAndEveryTagArrivesIntact() throws Throwable {
        publishAndCompare(TestMedia.hevcAac(Duration.ofSeconds(2), 320, 180, 30, 30));
    }

    private static void publishAndCompare(Path clip) throws Throwable {
        try (BlockingTestServer server = new BlockingTestServer(BlockingTestServer.Mode.NORMAL)) {
            ProcessResult result = FfmpegRunner.bundled().ffmpeg(TIMEOUT, List.of("-v", "error", "-i", clip.toString(),
                    "-c", "copy", "-f", "flv", "rtmp://127.0.0.1:" + server.port() + "/live/sk_test?token=abc"));
            server.awaitEnd();
            assertEquals(0, result.exitCode(), result.stderrTail());

            List<String> names = new ArrayList<>();
            for (RtmpCommand c : server.commands) {
                String name = c instanceof Unknown u ? u.name() : c.getClass().getSimpleName();
                if (names.isEmpty() || !names.get(names.size() - 1).equals(name)) {
                    names.add(name);
                }
            }
            // no _checkbw: ffmpeg sends it only in reply to onBWDone, which we do not send
            assertEquals(List.of("Connect", "ReleaseStream", "FCPublish", "CreateStream", "Publish", "SetDataFrame",
                    "FCUnpublish", "DeleteStream"), names);
            Publish publish = (Publish) server.commands.stream().filter(Publish.class::isInstance).findFirst()
                    .orElseThrow();
            assertEquals("sk_test", publish.name().key().value());
            assertEquals("token=abc", publish.name().query());
            assertEquals("live", ((Connect) server.commands.get(0)).app().name());

            List<FlvTag> sent = FlvTag.mediaTags(Files.readAllBytes(clip));
            List<FlvTag> arrived = new ArrayList<>();
            for (RtmpMessage m : server.received) {
                if (m instanceof Audio a) {
                    arrived.add(new FlvTag(8, a.timestamp(), a.payload()));
                } else if (m instanceof Video v) {
                    arrived.add(new FlvTag(9, v.timestamp(), v.payload()));
                }
            }
            assertEquals(sent.size(), arrived.size(), "tags");
            for (int i = 0; i < sent.size(); i++) {
                assertEquals(sent.get(i).type(), arrived.get(i).type(), "type of tag " + i);
                assertEquals(sent.get(i).timestamp(), arrived.get(i).timestamp(), "timestamp of tag " + i);
                assertArrayEquals(sent.get(i).body(), arrived.get(i).body(), "body of tag " + i);
            }
        }
    }

    @Test
    void ffmpegAsPlayerAcceptsOurComplexHandshake() throws Throwable {
        try (BlockingTestServer server = new BlockingTestServer(BlockingTestServer.Mode.STOP_AFTER_CONNECT)) {
            ProcessResult result = play(server);
            server.awaitEnd();
            assertEquals(Optional.of(DigestSchema.SCHEMA_0), server.handshake.clientSchema());
            assertTrue(server.commands.stream().anyMatch(Connect.class::isInstance),
                    "ffmpeg sends connect only after validating S1 and S2: " + result.stderrTail());
        }
    }

    @Test
    void ffmpegAsPlayerRejectsAWrongS2Signature() throws Throwable {
        try (BlockingTestServer server = new BlockingTestServer(BlockingTestServer.Mode.CORRUPT_S2)) {
            ProcessResult result = play(server);
            server.awaitEnd();
            assertFalse(server.commands.stream().anyMatch(Connect.class::isInstance), "no connect after a bad S2");
            assertTrue(result.stderrTail().contains("Signature mismatch"), result.stderrTail());
        }
    }

    private static ProcessResult play(BlockingTestServer server) {
        return FfmpegRunner.bundled().ffmpeg(TIMEOUT, List.of("-v", "verbose", "-rw_timeout", "5000000",
                "-i", "rtmp://127.0.0.1:" + server.port() + "/live/sk_test", "-t", "0.1", "-f", "null", "-"));
    }
}
