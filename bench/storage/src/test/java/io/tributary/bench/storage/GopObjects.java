package io.tributary.bench.storage;

import io.tributary.storage.StoredObject;
import java.util.List;
import java.util.Random;

/**
 * What one 720p30 3 Mb/s stream writes to object storage per 2 s GOP with passthrough packaging, under the keys
 * of docs/architecture.md's object layout: a video segment (3 Mb/s × 2 s ≈ 750 kB; 700 kB here), an AAC segment
 * (128 kb/s × 2 s = 32 kB), the two HLS media playlists and the DASH MPD (1–3 kB each, rewritten every GOP), and the
 * archive's piece of the GOP (about the video segment's size again). Keys repeat after {@link #KEPT_SEGMENTS} GOPs,
 * so a long run overwrites objects as the retention window would delete them, and the disk does not fill.
 */
final class GopObjects {
    static final int VIDEO_SEGMENT_BYTES = 700_000;
    static final int AUDIO_SEGMENT_BYTES = 32_000;
    static final int ARCHIVE_PIECE_BYTES = 700_000;
    static final int KEPT_SEGMENTS = 10;

    private final byte[] video;
    private final byte[] audio;
    private final byte[] archive;
    private final byte[] videoPlaylist;
    private final byte[] audioPlaylist;
    private final byte[] mpd;

    GopObjects(long seed) {
        Random random = new Random(seed);
        video = bytes(random, VIDEO_SEGMENT_BYTES);
        audio = bytes(random, AUDIO_SEGMENT_BYTES);
        archive = bytes(random, ARCHIVE_PIECE_BYTES);
        videoPlaylist = bytes(random, 1_500);
        audioPlaylist = bytes(random, 1_200);
        mpd = bytes(random, 2_800);
    }

    /** The objects of GOP {@code gop} of stream {@code stream}, in the order the packager stores them. */
    List<StoredObject> of(int stream, long gop) {
        String live = "live/bench-" + stream + "/";
        long slot = gop % KEPT_SEGMENTS;
        return List.of(
                StoredObject.immutable(live + "source/s1-" + slot + ".m4s", video, "video/mp4"),
                StoredObject.immutable(live + "audio/s1-" + slot + ".m4s", audio, "audio/mp4"),
                StoredObject.live(live + "source/index.m3u8", videoPlaylist, "application/vnd.apple.mpegurl"),
                StoredObject.live(live + "audio/index.m3u8", audioPlaylist, "application/vnd.apple.mpegurl"),
                StoredObject.live(live + "manifest.mpd", mpd, "application/dash+xml"),
                StoredObject.immutable("archive-parts/bench-" + stream + "/s1/" + slot, archive,
                        "application/octet-stream"));
    }

    static int bytesPerGop() {
        return VIDEO_SEGMENT_BYTES + AUDIO_SEGMENT_BYTES + ARCHIVE_PIECE_BYTES + 1_500 + 1_200 + 2_800;
    }

    private static byte[] bytes(Random random, int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }
}
