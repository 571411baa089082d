package io.tributary.thumbnail.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.storage.ObjectStore;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** Checks of the pictures the service wrote, against ffmpeg's own reading of the source clip. */
public final class PictureAssertions {
    /** JPEG at quality 3 against the same frame scaled by ffmpeg: about 0.3; a neighbouring frame: 2.5 and more. */
    private static final double SAME_FRAME_MAX_DIFFERENCE = 1.5;

    private PictureAssertions() {
    }

    /** The picture is a 640x360 JPEG showing frame {@code frame} of the clip rather than the frame before or after. */
    public static void assertShowsFrame(byte[] jpeg, Path clip, int frame, String what) {
        assertEquals(new Pictures.Probe("mjpeg", 640, 360), Pictures.probe(jpeg), what);
        byte[] gray = Pictures.gray(jpeg);
        double same = Pictures.meanAbsoluteDifference(gray, Pictures.sourceFrame(clip, frame, 640, 360));
        double before = frame == 0 ? Double.MAX_VALUE
                : Pictures.meanAbsoluteDifference(gray, Pictures.sourceFrame(clip, frame - 1, 640, 360));
        double after = Pictures.meanAbsoluteDifference(gray, Pictures.sourceFrame(clip, frame + 1, 640, 360));
        assertTrue(same < SAME_FRAME_MAX_DIFFERENCE, what + ": mean absolute difference to frame " + frame + " is " + same);
        assertTrue(same < before && same < after, what + ": frame " + frame + " differs by " + same
                + ", its neighbours by " + before + " and " + after);
    }

    /** The small picture is a 160x90 JPEG. */
    public static void assertSmall(byte[] jpeg, String what) {
        assertEquals(new Pictures.Probe("mjpeg", 160, 90), Pictures.probe(jpeg), what);
    }

    /** The keys under the session's folder. */
    public static TreeSet<String> sessionKeys(ObjectStore objects, String channel, String sessionId) {
        return new TreeSet<>(objects.list("thumbnails/" + channel + "/" + sessionId + "/"));
    }

    /** {@code {minute}.jpg} and {@code {minute}-small.jpg} for each minute, and nothing else. */
    public static TreeSet<String> expectedKeys(String channel, String sessionId, long... minutes) {
        String dir = "thumbnails/" + channel + "/" + sessionId + "/";
        return LongStream.of(minutes).boxed()
                .flatMap(m -> List.of(dir + m + ".jpg", dir + m + "-small.jpg").stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public static byte[] get(ObjectStore objects, String key) {
        return objects.get(key).orElseThrow(() -> new AssertionError("no object " + key));
    }
}
