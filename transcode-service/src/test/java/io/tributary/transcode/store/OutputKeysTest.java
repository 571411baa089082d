package io.tributary.transcode.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.storage.ObjectStore;
import io.tributary.transcode.manifest.live.SegmentNames;
import org.junit.jupiter.api.Test;

class OutputKeysTest {

    @Test
    void anInitSegmentIsNamedAfterItsContent() {
        byte[] a = {1, 2, 3};
        // SHA-256 of 01 02 03 starts 039058c6f2c0cb49
        assertEquals("init-039058c6f2c0cb49.mp4", OutputKeys.initObjectName(a));
        assertEquals(OutputKeys.initObjectName(a), OutputKeys.initObjectName(new byte[] {1, 2, 3}));
        assertNotEquals(OutputKeys.initObjectName(a), OutputKeys.initObjectName(new byte[] {1, 2, 4}));
    }

    @Test
    void aMediaSegmentKeyIsTheNameTheManifestsUseInTheRenditionFolder() {
        assertEquals("live/alice/source/01JABC-7.m4s", OutputKeys.mediaSegment("alice", "source", "01JABC", 7));
        assertEquals(OutputKeys.mediaSegment("alice", "audio", "01JABC", 7),
                OutputKeys.renditionObject("alice", "audio", SegmentNames.media("01JABC", 7)));
        assertEquals("live/alice/audio/index.m3u8", OutputKeys.mediaPlaylist("alice", "audio"));
    }

    @Test
    void theStateObjectIsOutsideThePublicPrefixes() {
        String key = OutputKeys.state("alice");
        assertEquals("state/transcode/alice.json", key);
        assertFalse(ObjectStore.PUBLIC_PREFIXES.stream().anyMatch(key::startsWith));
        assertThrows(IllegalArgumentException.class, () -> OutputKeys.state("../etc"));
    }

    @Test
    void segmentsAreImmutableAndManifestsShortLived() {
        assertTrue(OutputObjects.segment("k", new byte[1]).cacheControl().contains("immutable"));
        assertEquals("video/iso.segment", OutputObjects.segment("k", new byte[1]).contentType());
        assertEquals("video/mp4", OutputObjects.init("k", new byte[1]).contentType());
        assertEquals("application/vnd.apple.mpegurl", OutputObjects.playlist("k", "").contentType());
        assertEquals("application/dash+xml", OutputObjects.mpd("k", "").contentType());
        assertEquals("public, max-age=1", OutputObjects.mpd("k", "").cacheControl());
    }
}
