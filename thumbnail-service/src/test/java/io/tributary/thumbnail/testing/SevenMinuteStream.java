package io.tributary.thumbnail.testing;

import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.gop.TestGops.TestGop;
import io.tributary.testsupport.media.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * One session for the hand-wired tests, on a GOP topic of its own (one partition) with a consumer group of its own: a
 * 7 s 720p clip of seven 1 s GOPs (records 0..6, 6 the last), which with {@link HandWiredService#INTERVAL} (2 s
 * "minutes") is a 7-minute stream: minute {@code m} is GOPs {@code 2m} and {@code 2m + 1}, and its picture is frame
 * {@code 2m * FPS}.
 */
public record SevenMinuteStream(Path clip, String topic, String channel, String group, String session,
                                List<TestGop> records) {
    public static final int FPS = 25;

    /** Makes the clip and its records, and creates the topic; names start with {@code name}, then a random part. */
    public static SevenMinuteStream create(String name) throws Exception {
        Path clip = TestMedia.h264Aac(Duration.ofSeconds(7), 1280, 720, FPS, FPS);
        String id = UUID.randomUUID().toString().substring(0, 8);
        String session = UUID.randomUUID().toString();
        String topic = "gops-" + name + "-" + id;
        HandWiredService.createTopics(topic, 1);
        return new SevenMinuteStream(clip, topic, name + "-" + id, name + "-" + id, session,
                TestGops.split(clip, session));
    }

    /** The key of the session's picture of {@code minute}. */
    public String minuteKey(long minute) {
        return "thumbnails/" + channel + "/" + session + "/" + minute + ".jpg";
    }
}
