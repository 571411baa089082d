package io.tributary.transcode.ladder;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the ABR ladder, under {@code tributary.transcode.ladder.*} (the rest of {@code tributary.transcode.*}
 * is {@link io.tributary.transcode.TranscodeConfig}'s). Every default works for the local stack.
 */
@ConfigMapping(prefix = "tributary.transcode.ladder")
public interface LadderConfig {

    /** Off: no rung is encoded anywhere, every channel gets its source rendition only. */
    @WithDefault("true")
    boolean enabled();

    /** Every channel's rungs unless overridden: names of the form {@code <lines>p}, in any order. */
    @WithDefault("1080p,720p,480p,360p")
    List<String> rungs();

    /**
     * Bit rates by rung name ({@code 2500k}, {@code 5M}), for rungs the built-in table lacks or to override it
     * (built in: 1080p 5M, 720p 3M, 480p 1.2M, 360p 600k, 240p 300k).
     */
    Map<String, String> bitrates();

    /** A watermark on every channel's rungs (when its image is set), unless the channel has its own. */
    WatermarkSettings watermark();

    /** Per-channel overrides, by channel name: {@code channels.alice.rungs=480p,360p}. */
    Map<String, Channel> channels();

    Encoder encoder();

    Lag lag();

    interface Channel {
        /** This channel's rungs instead of the default ones. */
        Optional<List<String>> rungs();

        /** The source rendition only: no encoding for this channel at all. */
        @WithDefault("false")
        boolean passthroughOnly();

        /** The channel's own watermark (its image set), none ({@code enabled=false}), or the default one. */
        WatermarkSettings watermark();
    }

    interface WatermarkSettings {
        /** A PNG file readable by the service; without it there is no watermark. */
        Optional<Path> image();

        /** {@code false} on a channel: no watermark there, even when every other channel has one. */
        @WithDefault("true")
        boolean enabled();

        /** {@code top-left}, {@code top-right}, {@code bottom-left} or {@code bottom-right}. */
        @WithDefault("top-right")
        Watermark.Position position();

        /** Its width as a fraction of the picture's. */
        @WithDefault("0.12")
        double scale();

        @WithDefault("0.8")
        double opacity();

        /** Its distance to the edges as a fraction of the picture's width. */
        @WithDefault("0.02")
        double margin();
    }

    interface Encoder {
        /** libx264 preset: veryfast encodes the default ladder from 1080p30 within real time on two cores. */
        @WithDefault("veryfast")
        String preset();

        /** H.264 profile of every rung: High plays on every device sold since about 2012. */
        @WithDefault("high")
        String profile();

        /**
         * libx264 threads per rung. A replayed GOP must rewrite the same bytes, and x264's default frame threads do
         * not give them (their rate control depends on thread timing). 1: one thread per rung, the rungs in parallel,
         * the least CPU. More: that many slice threads per rung (same bytes on every run; less latency per GOP on a
         * many-core machine, at a percent or two of compression). 0: x264's own frame threads, different (equally
         * valid) bytes on a replay.
         */
        @WithDefault("1")
        int threads();

        /**
         * Peak over target bit rate (VBV maxrate): 1.1 keeps the HLS BANDWIDTH a player sees close to the rung's
         * nominal rate while leaving x264 room for the keyframe that opens every segment.
         */
        @WithDefault("1.1")
        double peakFactor();

        /** VBV buffer, in seconds of the target rate: about one GOP, so a segment's size stays near its share. */
        @WithDefault("2s")
        Duration buffer();

        /** How long one GOP's encode may take before its process is killed: only a hung ffmpeg gets near it. */
        @WithDefault("60s")
        Duration timeout();

        /** Where ffmpeg writes each GOP's rungs before they are read back; tmpfs ({@code /dev/shm}) when present. */
        Optional<Path> workDir();
    }

    interface Lag {
        /** GOPs over which the encoding speed is measured. */
        @WithDefault("4")
        int window();

        /**
         * Slowest acceptable encoding speed, media time over wall time: below it the ladder's largest rung is
         * dropped, as it is the one that costs most.
         */
        @WithDefault("1.0")
        double minSpeed();

        /**
         * GOPs that may wait for a channel's encoder. One more is not encoded; since every rung would then miss it,
         * all rungs are dropped for the rest of the session (a rung is never listed with a gap).
         */
        @WithDefault("4")
        int maxBacklog();
    }
}
