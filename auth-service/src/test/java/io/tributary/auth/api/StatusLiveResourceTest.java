package io.tributary.auth.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StatusLiveResourceTest {

    @Test
    void thumbnailSitsBesideThePlaybackUrlsUnderTheSameBase() {
        assertEquals("http://127.0.0.1:9000/tributary/thumbnails/demo/latest.jpg", StatusLiveResource.thumbnailUrl(
                "http://127.0.0.1:9000/tributary/live/demo/master.m3u8", "demo"));
        assertEquals("https://cdn.example/thumbnails/live/latest.jpg", StatusLiveResource.thumbnailUrl(
                "https://cdn.example/live/live/master.m3u8", "live"));
    }

    @Test
    void noThumbnailWhenThePlaybackUrlHasAnotherShape() {
        assertNull(StatusLiveResource.thumbnailUrl("https://cdn.example/hls/demo.m3u8", "demo"));
        assertNull(StatusLiveResource.thumbnailUrl(null, "demo"));
    }
}
