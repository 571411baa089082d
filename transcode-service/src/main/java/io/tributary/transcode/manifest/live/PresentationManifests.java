package io.tributary.transcode.manifest.live;

import io.tributary.transcode.cmaf.Timescale;
import io.tributary.transcode.manifest.dash.DashAdaptationSet;
import io.tributary.transcode.manifest.dash.DashLiveTiming;
import io.tributary.transcode.manifest.dash.DashMpd;
import io.tributary.transcode.manifest.dash.DashPeriod;
import io.tributary.transcode.manifest.dash.DashRepresentation;
import io.tributary.transcode.manifest.dash.DashSegmentTemplate;
import io.tributary.transcode.manifest.dash.DashUtcTiming;
import io.tributary.transcode.manifest.hls.HlsAudioRendition;
import io.tributary.transcode.manifest.hls.HlsMultivariantPlaylist;
import io.tributary.transcode.manifest.hls.HlsVariant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the channel-level manifests of a {@link LivePresentation}: the HLS multivariant playlist and the DASH MPD.
 * (Each rendition's media playlist is its {@code playlist().render()}.)
 *
 * <p>Every listed video rendition is a variant and every audio rendition joins one audio group ({@value #AUDIO_GROUP})
 * that all variants share, so the ladder's renditions need nothing more than to be listed. A stream without video
 * lists its audio renditions as the variants themselves.
 *
 * <p>Bit rates are declared rounded up to three significant digits: never below what was measured (BANDWIDTH is an
 * upper bound, RFC 8216 §4.3.4.2), and steady, so the multivariant playlist changes when a rate moves by a percent
 * rather than with every segment, and is rewritten (and re-fetched by CDNs) that much less often.
 */
public final class PresentationManifests {
    /** The GROUP-ID of the shared audio renditions. */
    public static final String AUDIO_GROUP = "audio";

    private PresentationManifests() {
    }

    /** The multivariant playlist, or empty before any rendition has a segment. */
    public static Optional<String> multivariant(LivePresentation p) {
        List<RenditionState> listed = p.renditions().stream().filter(RenditionState::listed).toList();
        List<RenditionState> videos = listed.stream().filter(RenditionState::isVideo).toList();
        List<RenditionState> audios = listed.stream().filter(r -> !r.isVideo()).toList();
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        if (videos.isEmpty()) {
            List<HlsVariant> variants = audios.stream().map(a -> new HlsVariant(SegmentNames.mediaPlaylist(a.name()),
                    peak(a), average(a), a.facts().codecs(), 0, 0, null, null)).toList();
            return Optional.of(new HlsMultivariantPlaylist(variants, List.of()).render());
        }
        List<HlsAudioRendition> audioRenditions = new ArrayList<>();
        for (RenditionState a : audios) {
            audioRenditions.add(new HlsAudioRendition(AUDIO_GROUP, a.name(), SegmentNames.mediaPlaylist(a.name()),
                    a.facts().codecs(), null, a.facts().channels(), peak(a), average(a),
                    audioRenditions.isEmpty()));
        }
        String group = audios.isEmpty() ? null : AUDIO_GROUP;
        List<HlsVariant> variants = videos.stream().map(v -> new HlsVariant(SegmentNames.mediaPlaylist(v.name()),
                peak(v), average(v), v.facts().codecs(), v.facts().width(),
                v.facts().height(), v.facts().frameRate(), group)).toList();
        return Optional.of(new HlsMultivariantPlaylist(variants, audioRenditions).render());
    }

    /**
     * The MPD, dynamic while live and static once ended, or empty before any segment.
     *
     * @param now the publish time (and the UTCTiming value: players align their clock with it)
     * @param windowSize segments in the HLS window: the time-shift buffer
     */
    public static Optional<String> mpd(LivePresentation p, Instant now, int windowSize) {
        if (p.periods().isEmpty() || p.availabilityStartTime() == null) {
            return Optional.empty();
        }
        Map<String, RenditionState> renditions = p.renditions().stream()
                .collect(Collectors.toMap(RenditionState::name, Function.identity()));
        int target = p.renditions().stream().filter(RenditionState::listed)
                .mapToInt(r -> r.playlist().targetDuration()).max().orElse(1);
        List<DashPeriod> periods = p.periods().stream().map(period -> period(period, renditions)).toList();
        DashMpd mpd = DashMpd.live(p.availabilityStartTime(), now,
                DashLiveTiming.forSegments(Duration.ofSeconds(target), windowSize), DashUtcTiming.direct(now), periods);
        return Optional.of((p.ended() ? mpd.end(now) : mpd).render());
    }

    private static DashPeriod period(PeriodState period, Map<String, RenditionState> renditions) {
        List<DashRepresentation> video = new ArrayList<>();
        List<DashRepresentation> audio = new ArrayList<>();
        boolean videoSap = true;
        boolean audioSap = true;
        for (PeriodTrack t : period.tracks()) {
            TrackFacts f = t.facts();
            long pto = new Timescale(f.timescale()).fromMillis(period.presentationTimeOffsetMillis());
            DashSegmentTemplate template = DashSegmentTemplate.forSession(period.sessionId(), f.initUri(),
                    f.timescale(), pto, t.segments());
            long bandwidth = Math.max(1, peak(renditions.get(t.rendition())));
            if (f.isVideo()) {
                video.add(DashRepresentation.video(t.rendition(), bandwidth, f.codecs(), f.width(), f.height(),
                        f.frameRate(), template));
                videoSap &= t.startsWithSap();
            } else {
                audio.add(DashRepresentation.audio(t.rendition(), bandwidth, f.codecs(), f.sampleRate(),
                        f.channels(), template));
                audioSap &= t.startsWithSap();
            }
        }
        List<DashAdaptationSet> sets = new ArrayList<>(2);
        if (!video.isEmpty()) {
            sets.add(new DashAdaptationSet("video", null, video, videoSap));
        }
        if (!audio.isEmpty()) {
            sets.add(new DashAdaptationSet("audio", null, audio, audioSap));
        }
        return new DashPeriod(period.id(), Duration.ofMillis(period.startMillis()), sets);
    }

    /** HLS BANDWIDTH must be positive; a rendition always has a segment when it is listed. */
    private static long peak(RenditionState r) {
        return r == null ? 1 : declared(Math.max(1, r.bitrates().peakBitsPerSecond()));
    }

    private static long average(RenditionState r) {
        return declared(r.bitrates().averageBitsPerSecond());
    }

    /** {@code bitsPerSecond} rounded up to three significant digits: 1 234 567 to 1 240 000. */
    static long declared(long bitsPerSecond) {
        long step = 1;
        while (bitsPerSecond / step >= 1000) {
            step *= 10;
        }
        return Math.floorDiv(bitsPerSecond + step - 1, step) * step;
    }
}
