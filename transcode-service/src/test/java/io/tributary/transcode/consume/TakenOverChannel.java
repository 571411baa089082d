package io.tributary.transcode.consume;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.storage.StoredObject;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.transcode.manifest.hls.HlsMediaPlaylist;
import io.tributary.transcode.manifest.hls.HlsSegment;
import io.tributary.transcode.metrics.TranscodeMetrics;
import io.tributary.transcode.store.OutputKeys;
import io.tributary.transcode.store.SegmentRetention;
import io.tributary.transcode.store.StateJson;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A channel a worker takes over, whose previous owner listed every record of session {@link #SESSION} that a test
 * feeds past its state object (its source playlist lists {@code S-99.m4s}, its state object is a fresh channel's):
 * the records are real GOPs (an FFmpeg capture, see the vectors' PROVENANCE.md), replayed in memory only, so a step
 * stores the channel's state object and nothing else, and sends no event (no broker is needed). Records closed hours
 * ago: none is stored before the state is loaded ({@link EarlySegments#live}).
 */
final class TakenOverChannel {
    static final String SESSION = "S";
    private static final Instant CLOSED = Instant.parse("2026-11-27T06:00:00Z");
    private static final String VECTOR = "/vectors/rtmp/ffmpeg71-hevc-aac.received.flv";

    /** A record: its metadata and its value. */
    record Record(GopMetadata gop, byte[] value) {
    }

    private TakenOverChannel() {
    }

    /**
     * Stores the previous owner's state object and source playlist of {@code channel}; the state object as an older
     * version wrote it, without the cadence it was saved at.
     */
    static void storePreviousOwners(MemoryObjects objects, String channel) {
        storePreviousOwners(objects, channel, ChannelState.empty());
    }

    /** Stores {@code state} as the previous owner's state object, and its source playlist, of {@code channel}. */
    static void storePreviousOwners(MemoryObjects objects, String channel, ChannelState state) {
        objects.bucket.put(OutputKeys.state(channel), StateJson.write(state));
        objects.put(OutputKeys.mediaPlaylist(channel, Renditions.SOURCE), HlsMediaPlaylist.live(6, 2)
                .append(HlsSegment.of(SESSION + "-99.m4s", Duration.ofSeconds(2), CLOSED, "init-a.mp4")).render());
    }

    /** The session's first {@code count} records, the last of them flagged as the session's last if {@code ends}. */
    static List<Record> records(int count, boolean ends) {
        List<TestGops.TestGop> gops;
        try {
            gops = TestGops.split(Path.of(TakenOverChannel.class.getResource(VECTOR).toURI()), SESSION);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (gops.size() < count) {
            throw new IllegalStateException(VECTOR + " has " + gops.size() + " GOPs, not " + count);
        }
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GopMetadata m = gops.get(i).metadata();
            Set<GopFlag> flags = EnumSet.noneOf(GopFlag.class);
            if (i == 0) {
                flags.add(GopFlag.FIRST);
            }
            if (ends && i == count - 1) {
                flags.add(GopFlag.LAST);
            }
            records.add(new Record(GopMetadata.of(SESSION, m.sequence(), m.mediaStartMillis(),
                    m.mediaDurationMillis(), CLOSED.toEpochMilli() + m.mediaStartMillis(), flags),
                    gops.get(i).value()));
        }
        return records;
    }

    /** Where the packagers' work goes: {@code objects}, and no broker (no event may be sent). */
    static PackagerOutputs outputs(MemoryObjects objects, SegmentRetention retention, Executor lanes,
                                   ScheduledExecutorService timer, StateSaving saving) {
        return new PackagerOutputs(objects, retention, null, new TranscodeMetrics(new SimpleMeterRegistry()), 6,
                Duration.ofSeconds(30), Clock.systemUTC(), null, lanes, saving, timer);
    }

    /** Retention that deletes nothing (no test here reaches a grace). */
    static SegmentRetention retention() {
        return new SegmentRetention(keys -> Map.of(), Clock.systemUTC(), () -> { });
    }

    /** The keys put, in order. */
    static List<String> keys(MemoryObjects objects) {
        synchronized (objects.puts) {
            return objects.puts.stream().map(StoredObject::key).toList();
        }
    }
}
