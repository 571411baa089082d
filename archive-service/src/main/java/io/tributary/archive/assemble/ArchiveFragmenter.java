package io.tributary.archive.assemble;

import io.tributary.media.codec.AudioSpecificConfig;
import io.tributary.media.codec.CodecConfigException;
import io.tributary.media.codec.VideoDecoderConfiguration;
import io.tributary.media.flv.AudioPacket;
import io.tributary.media.flv.VideoPacket;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a session's pieces into the fragments of its MP4 archive: one movie fragment per piece, every track on one
 * continuous timeline ({@link ArchiveTimeline}), after the init segment of the session's tracks.
 *
 * <p>A sample lasts until the next one of its track. The last sample of a piece lasts until the first of the next
 * piece, so fragments follow each other without gap or overlap; the session's very last video frame lasts as long
 * as the one before it, its last AAC frame 1024 samples (ISO/IEC 14496-3 §4.5.1.1: an AAC frame is 1024 samples
 * of the core rate).
 */
public final class ArchiveFragmenter {
    /** When a session has a single video frame: one frame at 30 fps. */
    private static final long LONE_FRAME_TICKS = ArchiveTracks.VIDEO_TIMESCALE / 30;
    private static final long AAC_FRAME_SAMPLES = 1024;

    private final ArchiveTracks tracks;
    private final ArchiveTimeline timeline;

    public ArchiveFragmenter(ArchiveTracks tracks, ArchiveTimeline timeline) {
        this.tracks = tracks;
        this.timeline = timeline;
    }

    /**
     * The tracks and timeline a session's first piece sets.
     *
     * @throws NoArchivableTrackException when the piece has no sequence header of a codec an MP4 archive carries
     */
    public static ArchiveFragmenter forFirstPiece(PieceSamples first) {
        ArchiveTracks.Video video = null;
        if (first.videoConfig() != null && !first.video().isEmpty()) {
            try {
                VideoDecoderConfiguration config = VideoDecoderConfiguration.parse(first.videoConfig().codec(),
                        first.videoConfig().payload());
                video = new ArchiveTracks.Video(config);
            } catch (CodecConfigException | IllegalArgumentException e) {
                video = null; // AV1, VP9 or a broken record: archived without video
            }
        }
        ArchiveTracks.Audio audio = null;
        if (first.audioConfig() != null && !first.audio().isEmpty()) {
            try {
                AudioSpecificConfig config = AudioSpecificConfig.parse(first.audioConfig().payload());
                audio = config.samplingFrequency() > 0 ? new ArchiveTracks.Audio(config) : null;
            } catch (CodecConfigException e) {
                audio = null;
            }
        }
        if (video == null && audio == null) {
            throw new NoArchivableTrackException("the first piece has no AVC or HEVC video and no AAC audio");
        }
        ArchiveTracks tracks = new ArchiveTracks(video, audio);
        long origin = Long.MAX_VALUE;
        if (video != null) {
            for (VideoPacket p : first.video()) {
                origin = Math.min(origin, p.pts());
            }
        }
        if (audio != null) {
            origin = Math.min(origin, first.audio().get(0).dts());
        }
        long videoZero = video == null ? origin : Math.min(origin, first.video().get(0).dts());
        int firstOffset = video == null ? 0 : first.video().get(0).compositionTimeOffset();
        return new ArchiveFragmenter(tracks, new ArchiveTimeline(origin, videoZero, firstOffset));
    }

    public ArchiveTracks tracks() {
        return tracks;
    }

    public ArchiveTimeline timeline() {
        return timeline;
    }

    public byte[] initSegment() {
        return InitSegmentWriter.write(tracks, timeline.videoEditMediaTicks());
    }

    /**
     * The fragment of one piece opened before ({@link #open}), now that the next piece is known.
     *
     * @param sequenceNumber the fragment's {@code mfhd} number: positive, rising through the session
     * @param next           where the piece after it starts, or null for the session's last
     * @return a fragment without runs (no bytes) when the piece has no sample of the archive's tracks
     */
    public Fragment fragment(long sequenceNumber, OpenFragment piece, PieceStart next) {
        List<TrackRun> runs = close(piece, next);
        long endMillis = 0;
        for (TrackRun run : runs) {
            endMillis = Math.max(endMillis, run.trackId() == ArchiveTracks.VIDEO_TRACK_ID
                    ? timeline.videoPresentationEndMillis(run.endDecodeTime())
                    : run.endDecodeTime() * 1000 / tracks.audio().timescale());
        }
        return new Fragment(sequenceNumber, runs, runs.isEmpty() ? 0 : endMillis);
    }

    /**
     * A piece's fragment but for the durations of its tracks' last samples, which the next piece sets: what it takes
     * to write the fragment without the piece's samples, once their bytes are set aside.
     */
    public OpenFragment open(PieceSamples piece) {
        List<OpenFragment.Run> runs = new ArrayList<>(2);
        OpenFragment.Run video = tracks.video() == null ? null : videoRun(piece);
        if (video != null) {
            runs.add(video);
        }
        OpenFragment.Run audio = tracks.audio() == null ? null : audioRun(piece);
        if (audio != null) {
            runs.add(audio);
        }
        return new OpenFragment(runs, PieceStart.of(piece));
    }

    /** The runs with each track's last sample lasting until the next piece starts on that track (if it has it). */
    private List<TrackRun> close(OpenFragment piece, PieceStart next) {
        List<TrackRun> runs = new ArrayList<>(piece.runs().size());
        for (OpenFragment.Run open : piece.runs()) {
            boolean video = open.run().trackId() == ArchiveTracks.VIDEO_TRACK_ID;
            Long nextDts = next == null ? null : video ? next.videoDts() : next.audioDts();
            if (nextDts == null) {
                runs.add(open.run());
            } else {
                runs.add(open.lastingUntil(video ? timeline.videoDecodeTicks(nextDts)
                        : timeline.audioDecodeTicks(nextDts, tracks.audio().timescale())));
            }
        }
        return runs;
    }

    /** The video run, its last frame lasting as the one before it (a lone frame: 1/30 s). */
    private OpenFragment.Run videoRun(PieceSamples piece) {
        List<VideoPacket> frames = piece.video();
        if (frames.isEmpty()) {
            return null;
        }
        List<Mp4Sample> samples = new ArrayList<>(frames.size());
        long base = timeline.videoDecodeTicks(frames.get(0).dts());
        if (base < 0) {
            return null; // before the session's start: cannot be placed on its timeline
        }
        long previousDuration = LONE_FRAME_TICKS;
        long at = base;
        for (int i = 0; i < frames.size(); i++) {
            VideoPacket f = frames.get(i);
            at = timeline.videoDecodeTicks(f.dts());
            long duration = Mp4Sample.clampedDuration(i + 1 < frames.size()
                    ? timeline.videoDecodeTicks(frames.get(i + 1).dts()) - at
                    : previousDuration);
            previousDuration = duration;
            samples.add(new Mp4Sample(duration, f.payload(), f.keyframe(),
                    ArchiveTimeline.videoCompositionTicks(f.compositionTimeOffset())));
        }
        return new OpenFragment.Run(new TrackRun(ArchiveTracks.VIDEO_TRACK_ID, base, samples), at);
    }

    /** The audio run, its last frame lasting one AAC frame. */
    private OpenFragment.Run audioRun(PieceSamples piece) {
        int timescale = tracks.audio().timescale();
        List<AudioPacket> frames = piece.audio().stream()
                .filter(a -> timeline.audioDecodeTicks(a.dts(), timescale) >= 0).toList();
        if (frames.isEmpty()) {
            return null;
        }
        List<Mp4Sample> samples = new ArrayList<>(frames.size());
        long at = 0;
        for (int i = 0; i < frames.size(); i++) {
            at = timeline.audioDecodeTicks(frames.get(i).dts(), timescale);
            long duration = i + 1 < frames.size()
                    ? timeline.audioDecodeTicks(frames.get(i + 1).dts(), timescale) - at
                    : AAC_FRAME_SAMPLES;
            samples.add(new Mp4Sample(Mp4Sample.clampedDuration(duration), frames.get(i).payload(), true, 0));
        }
        return new OpenFragment.Run(new TrackRun(ArchiveTracks.AUDIO_TRACK_ID,
                timeline.audioDecodeTicks(frames.get(0).dts(), timescale), samples), at);
    }

    /**
     * One piece's movie fragment, written on demand ({@link FragmentWriter}); no bytes when the piece has no sample of
     * the archive's tracks.
     *
     * @param endMillis where its longest track ends on the archive's timeline: the archive's duration when it is the
     *                  last
     */
    public record Fragment(long sequenceNumber, List<TrackRun> runs, long endMillis) {
        public Fragment {
            runs = List.copyOf(runs);
        }

        /** Writes the fragment without building it in memory first; returns the bytes written. */
        public long writeTo(OutputStream out) throws IOException {
            return runs.isEmpty() ? 0 : FragmentWriter.writeTo(sequenceNumber, runs, out);
        }

        /** What comes before the samples' bytes: the {@code moof} and the {@code mdat} header; none without runs. */
        public byte[] header() {
            return runs.isEmpty() ? new byte[0] : FragmentWriter.header(sequenceNumber, runs);
        }
    }
}
