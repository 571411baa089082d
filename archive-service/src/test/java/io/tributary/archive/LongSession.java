package io.tributary.archive;

import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvHeader;
import io.tributary.media.flv.FlvReader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.FlvWriter;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.ClosedGop;
import io.tributary.media.gop.GopAssembler;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.media.gop.GopRecordWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A session longer than its clip: the clip's GOPs published again and again with their timestamps moved on, as one
 * continuous stream, and the same stream as one FLV file (what the archive must match).
 */
final class LongSession {
    private LongSession() {
    }

    /** The records of {@code copies} times the clip, the last one flagged {@code last}. */
    static List<GopFeed.GopRecord> records(Path clip, String sessionId, int copies) {
        List<ClosedGop> gops = gops(clip);
        long period = period(gops);
        List<GopFeed.GopRecord> records = new ArrayList<>();
        long seq = 0;
        for (int c = 0; c < copies; c++) {
            for (int g = 0; g < gops.size(); g++) {
                GopContent moved = shifted(gops.get(g).content(), c * period);
                Set<GopFlag> flags = EnumSet.noneOf(GopFlag.class);
                if (seq == 0) {
                    flags.add(GopFlag.FIRST);
                }
                if (c == copies - 1 && g == gops.size() - 1) {
                    flags.add(GopFlag.LAST);
                }
                records.add(new GopFeed.GopRecord(GopMetadata.of(sessionId, seq++, gops.get(g).startMillis() + c * period,
                        gops.get(g).durationMillis(), System.currentTimeMillis(), flags), GopRecordWriter.write(moved)));
            }
        }
        return records;
    }

    /** The same stream as one FLV file in {@code dir}. */
    static Path asFlv(Path clip, int copies, Path dir) {
        List<ClosedGop> gops = gops(clip);
        long period = period(gops);
        FlvWriter writer = new FlvWriter(new FlvHeader(true, true));
        GopContent first = gops.get(0).content();
        writer.write(first.videoSequenceHeader());
        writer.write(first.audioSequenceHeader());
        for (int c = 0; c < copies; c++) {
            for (ClosedGop gop : gops) {
                for (FlvTag tag : shifted(gop.content(), c * period).tags()) {
                    writer.write(tag);
                }
            }
        }
        try {
            Path file = Files.createTempFile(dir, "long-session-", ".flv");
            Files.write(file, writer.toByteArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ClosedGop> gops(Path clip) {
        try {
            GopAssembler assembler = new GopAssembler(2_000, 10_000);
            List<ClosedGop> gops = new ArrayList<>();
            for (FlvTag tag : new FlvReader(Files.readAllBytes(clip)).readAll()) {
                assembler.accept(tag).ifPresent(gops::add);
            }
            assembler.finish().ifPresent(gops::add);
            return gops;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How far each copy is moved: past the clip's last tag by more than a frame and an AAC frame. */
    private static long period(List<ClosedGop> gops) {
        long last = 0;
        for (ClosedGop gop : gops) {
            for (FlvTag tag : gop.content().tags()) {
                last = Math.max(last, tag.timestamp());
            }
        }
        return last + 40;
    }

    private static GopContent shifted(GopContent content, long millis) {
        List<FlvTag> tags = new ArrayList<>();
        for (FlvTag t : content.tags()) {
            if (t instanceof VideoTag v) {
                tags.add(new VideoTag(v.timestamp() + millis, v.body()));
            } else if (t instanceof AudioTag a) {
                tags.add(new AudioTag(a.timestamp() + millis, a.body()));
            }
        }
        return new GopContent(content.onMetaData(), content.videoSequenceHeader(), content.audioSequenceHeader(), tags);
    }
}
