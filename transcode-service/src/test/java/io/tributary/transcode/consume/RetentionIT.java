package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.transcode.testing.Eventually;
import io.tributary.transcode.testing.GopPublisher;
import io.tributary.transcode.testing.HandWiredTranscoder;
import io.tributary.transcode.testing.Meters;
import io.tributary.transcode.testing.MediaPlaylistView;
import io.tributary.transcode.testing.PublicHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The live window slides over a stream published at about real time: every segment any playlist names can be fetched
 * when the playlist is read, segments that leave the window are still there right after, and gone once the grace
 * period has passed, while the segments still listed stay.
 */
class RetentionIT {
    private static final int WINDOW = 3;
    private static final Duration GRACE = Duration.ofSeconds(8);

    @Test
    void theWindowSlidesAndSegmentsLeavingItAreDeletedOnlyAfterTheGracePeriod() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String topic = "gops-window-" + id;
        String channel = "window-" + id;
        String session = "S" + id;
        GopPublisher.createTopics(topic, 1);
        List<TestGops.TestGop> gops = TestGops.split(TestMedia.h264Aac(Duration.ofSeconds(10), 320, 180, 30, 30),
                session);
        assertEquals(10, gops.size());
        String playlistKey = "live/" + channel + "/source/index.m3u8";

        List<Long> mediaSequences = new ArrayList<>();
        Set<String> seenLeaving = new HashSet<>();
        Set<String> listedBefore = new HashSet<>();
        try (HandWiredTranscoder worker = new HandWiredTranscoder(topic, id, WINDOW, GRACE)) {
            Thread publisher = new Thread(() -> {
                for (TestGops.TestGop g : gops) {
                    GopPublisher.publish(topic, channel, List.of(g));
                    try {
                        Thread.sleep(400);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            publisher.start();
            MediaPlaylistView p = null;
            long deadline = System.nanoTime() + Eventually.PATIENCE.toNanos();
            while ((p == null || !p.ended()) && System.nanoTime() < deadline) {
                String text = PublicHttp.text(playlistKey);
                if (text != null) {
                    p = MediaPlaylistView.parse(text);
                    for (String uri : p.uris()) {
                        assertEquals(200, PublicHttp.status("live/" + channel + "/source/" + uri),
                                "a listed segment can be fetched: " + uri);
                    }
                    for (String uri : listedBefore) {
                        if (!p.uris().contains(uri) && seenLeaving.add(uri)) {
                            assertEquals(200, PublicHttp.status("live/" + channel + "/source/" + uri),
                                    "just out of the window, still in its grace period: " + uri);
                        }
                    }
                    listedBefore.addAll(p.uris());
                    if (mediaSequences.isEmpty() || mediaSequences.get(mediaSequences.size() - 1) != p.mediaSequence()) {
                        mediaSequences.add(p.mediaSequence());
                    }
                }
                Thread.sleep(50);
            }
            publisher.join();
            assertTrue(p != null && p.ended(), "the playlist ended");
            assertEquals(7, p.mediaSequence());
            assertEquals(List.of(session + "-7.m4s", session + "-8.m4s", session + "-9.m4s"), p.uris());
            assertTrue(mediaSequences.size() > 2, "the window was seen sliding: " + mediaSequences);
            assertEquals(mediaSequences.stream().sorted().toList(), mediaSequences, "EXT-X-MEDIA-SEQUENCE never goes back");

            int listed = 0;
            for (String rendition : List.of("source", "audio")) {
                // each rendition's window holds at least three target durations (RFC 8216 §6.2.2): audio segments
                // of 0.98 s may keep a fourth one
                List<String> kept = MediaPlaylistView.parse(PublicHttp.text("live/" + channel + "/" + rendition
                        + "/index.m3u8")).uris();
                listed += kept.size();
                for (int seq = 0; seq < 10; seq++) {
                    String uri = session + "-" + seq + ".m4s";
                    String key = "live/" + channel + "/" + rendition + "/" + uri;
                    if (kept.contains(uri)) {
                        assertEquals(200, PublicHttp.status(key), "still listed, kept: " + key);
                    } else {
                        Eventually.await(key + " deleted", () -> PublicHttp.status(key) != 200);
                    }
                }
            }
            double expectedDeletions = 20 - listed;
            Eventually.await("every deletion counted", () -> Meters.deletedSegments(worker.registry()) == expectedDeletions);
        }
    }
}
