package io.tributary.transcode.cmaf;

import io.tributary.transcode.manifest.dash.DashSegment;
import io.tributary.transcode.manifest.dash.DashSegmentTemplate;
import io.tributary.transcode.manifest.hls.HlsMediaPlaylist;
import io.tributary.transcode.manifest.hls.HlsSegment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An FLV stream packaged GOP by GOP as the service does it, for the integration tests: one video and one audio
 * rendition, each an init segment and a media segment per GOP.
 */
record PackagedStream(Rendition video, Rendition audio) {

    /** One rendition's init segment and media segments, in order. */
    record Rendition(String name, TrackFormat format, byte[] init, List<CmafSegment> segments) {

        int sampleCount() {
            return segments.stream().mapToInt(CmafSegment::sampleCount).sum();
        }

        /** Init segment and every media segment back to back: one fragmented MP4 file. */
        Path writeConcatenated(Path dir) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(init);
            for (CmafSegment s : segments) {
                out.write(s.bytes());
            }
            return Files.write(dir.resolve(name + ".mp4"), out.toByteArray());
        }

        /**
         * The object layout of the service under {@code dir}: {@code <name>/init.mp4}, {@code <name>/<session>-<seq>.m4s}
         * and an ended {@code <name>/index.m3u8}.
         */
        void writeObjects(Path dir, String sessionId, Instant wallClockStart) throws IOException {
            Path folder = Files.createDirectories(dir.resolve(name));
            Files.write(folder.resolve(DashSegmentTemplate.INIT_OBJECT), init);
            HlsMediaPlaylist playlist = HlsMediaPlaylist.live(HlsMediaPlaylist.DEFAULT_WINDOW_SIZE, 2);
            Instant wallClock = wallClockStart;
            for (CmafSegment s : segments) {
                String object = sessionId + "-" + s.sequenceNumber() + ".m4s";
                Files.write(folder.resolve(object), s.bytes());
                playlist = playlist.append(new HlsSegment(object, s.mediaDuration(), wallClock,
                        DashSegmentTemplate.INIT_OBJECT, false, s.independent()));
                wallClock = wallClock.plus(s.mediaDuration());
            }
            Files.writeString(folder.resolve("index.m3u8"), playlist.end().render());
        }

        /** The session's media time 0 (FLV time 0) is the Period's start, in every representation. */
        DashSegmentTemplate dashTemplate(String sessionId) {
            List<DashSegment> timeline = segments.stream()
                    .map(s -> new DashSegment(s.sequenceNumber(), s.baseMediaDecodeTime(), s.duration())).toList();
            return DashSegmentTemplate.forSession(sessionId, format.timescale(), 0, timeline);
        }
    }

    static PackagedStream of(byte[] flv) {
        List<CmafSegment> video = new ArrayList<>();
        List<CmafSegment> audio = new ArrayList<>();
        TrackFormat videoFormat = null;
        TrackFormat audioFormat = null;
        for (FlvGops.Gop gop : FlvGops.split(flv)) {
            GopSamples samples = FlvSampleMapper.map(gop.tags(), gop.endMillis());
            videoFormat = samples.videoFormat();
            audioFormat = samples.audioFormat();
            video.add(CmafFragmenter.fragment(videoFormat, gop.sequence(), samples.video()));
            if (samples.hasAudio()) {
                audio.add(CmafFragmenter.fragment(audioFormat, gop.sequence(), samples.audio()));
            }
        }
        return new PackagedStream(
                new Rendition("source", videoFormat, CmafInitSegmentWriter.write(videoFormat), video),
                new Rendition("audio", audioFormat, CmafInitSegmentWriter.write(audioFormat), audio));
    }
}
