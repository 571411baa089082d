package io.tributary.thumbnail.consume;

import static io.tributary.thumbnail.testing.PictureAssertions.assertShowsFrame;
import static io.tributary.thumbnail.testing.PictureAssertions.expectedKeys;
import static io.tributary.thumbnail.testing.PictureAssertions.get;
import static io.tributary.thumbnail.testing.PictureAssertions.sessionKeys;
import static io.tributary.thumbnail.testing.SevenMinuteStream.FPS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.storage.ObjectStore;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.kafka.CommittedOffsets;
import io.tributary.testsupport.kafka.SharedKafka;
import io.tributary.thumbnail.metrics.ThumbnailMetrics;
import io.tributary.thumbnail.render.RejectReason;
import io.tributary.thumbnail.schedule.SessionProgress;
import io.tributary.thumbnail.store.ThumbnailStore;
import io.tributary.thumbnail.testing.Eventually;
import io.tributary.thumbnail.testing.HandWiredService;
import io.tributary.thumbnail.testing.SevenMinuteStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A keyframe that crashes the JVM in FFmpeg's decoder must not crash the next process too. A JVM cannot be crashed in
 * a test: the dead process is played by saving the mark it leaves (GOP 4's keyframe "being decoded") with its record
 * not committed, and the next process is a fresh instance of the service on the same group.
 */
class CrashedDecoderIT {

    @Test
    void aKeyframeAProcessDiedDecodingIsSkippedCountedAndTheNextKeyframeOfTheMinuteGivesThePicture() throws Exception {
        SevenMinuteStream stream = SevenMinuteStream.create("crash");
        String bootstrap = SharedKafka.bootstrapServers();
        ObjectStore objects = HandWiredService.objectStore();
        ThumbnailStore progress = new ThumbnailStore(objects);

        // the first process handles GOPs 0..3 (minutes 0 and 1), then starts decoding GOP 4, the first of minute 2,
        // and dies in the decoder: the mark it saved stays set, and GOP 4's offset is not committed
        TestGops.publish(bootstrap, stream.topic(), stream.channel(), stream.records().subList(0, 4));
        try (HandWiredService first = new HandWiredService(stream.topic(), stream.group())) {
            Eventually.await("GOPs 0..3 handled",
                    () -> CommittedOffsets.onPartitionZero(stream.group(), stream.topic()) == 4);
        }
        progress.save(stream.channel(),
                progress.load(stream.channel(), stream.session()).orElseThrow().withAttempt(4));

        TestGops.publish(bootstrap, stream.topic(), stream.channel(),
                stream.records().subList(4, stream.records().size()));
        try (HandWiredService second = new HandWiredService(stream.topic(), stream.group())) {
            Eventually.await("every record handled", () -> CommittedOffsets.onPartitionZero(stream.group(),
                    stream.topic()) == stream.records().size());
            assertEquals(1, second.metrics.failureCount(ThumbnailMetrics.CRASHED_DECODER), "GOP 4, not decoded");
            for (RejectReason reason : RejectReason.values()) {
                assertEquals(0, second.metrics.failureCount(reason.label()), reason.label());
            }
            assertEquals(2, second.metrics.writtenCount(), "minutes 2 and 3");
        }

        assertEquals(expectedKeys(stream.channel(), stream.session(), 0, 1, 2, 3),
                sessionKeys(objects, stream.channel(), stream.session()));
        assertShowsFrame(get(objects, stream.minuteKey(2)), stream.clip(), 5 * FPS,
                "minute 2, from GOP 5, the next of its minute");
        assertShowsFrame(get(objects, stream.minuteKey(3)), stream.clip(), 6 * FPS, "minute 3");
        SessionProgress saved = progress.load(stream.channel(), stream.session()).orElseThrow();
        assertEquals(List.of(4L), saved.crashed(), "remembered, should GOP 4 come back (a replay, another crash)");
        assertEquals(SessionProgress.NONE, saved.attempt(), "no decode in flight");
        assertEquals(3, saved.lastMinute());
    }
}
