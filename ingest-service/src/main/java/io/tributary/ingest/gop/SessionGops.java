package io.tributary.ingest.gop;

import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvFormatException;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.ScriptDataTag;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.ClosedGop;
import io.tributary.media.gop.GopAssembler;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.media.gop.GopRecordPart;
import io.tributary.media.gop.GopRecordWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One session's GOP records, in order: the tags of the session (in media time, see {@link MediaTimeline}) go through
 * a {@link GopAssembler}; each GOP it closes becomes one record, or several continuation records when it does not fit
 * {@link Settings#recordBytes()}. Sequence numbers run 0, 1, 2… without gaps; the first record is flagged
 * {@link GopFlag#FIRST}, continuation parts and GOPs cut for running too long {@link GopFlag#CONTINUED}, and the
 * record {@link #finish()} ends with {@link GopFlag#LAST} — an empty one (preamble only) when no media was pending.
 *
 * <p>Durations: a record lasts from its first tag to the next record's first tag, so the durations of a session's
 * records add up to its media duration. Pure and single-threaded.
 */
public final class SessionGops {

    /**
     * @param maxGopMillis       a GOP without a keyframe for this long is cut (the rest becomes a continuation)
     * @param audioOnlyGopMillis audio-only streams are cut this often
     * @param maxGopBytes        media bytes one GOP may hold in memory; more is a {@link MalformedMediaException}
     * @param recordBytes        largest record value; a larger GOP is split into continuation records
     */
    public record Settings(long maxGopMillis, long audioOnlyGopMillis, long maxGopBytes, int recordBytes) {
    }

    private final String sessionId;
    private final Settings settings;
    private final Clock clock;
    private final GopAssembler assembler;
    private long sequence;
    private long firstStart = -1;
    private long lastEnd;
    private long bytesInGop;
    private boolean finished;

    public SessionGops(String sessionId, Settings settings, Clock clock) {
        this.sessionId = sessionId;
        this.settings = settings;
        this.clock = clock;
        this.assembler = new GopAssembler(settings.audioOnlyGopMillis(), settings.maxGopMillis());
    }

    /**
     * Takes the session's next tag; returns the records of the GOP it closed, if any.
     *
     * @throws MalformedMediaException for a tag of a codec we cannot carry, or a GOP over its byte limit
     */
    public List<GopRecord> accept(FlvTag tag) {
        if (finished) {
            throw new IllegalStateException("the session's GOPs are finished");
        }
        Optional<ClosedGop> closed;
        try {
            closed = assembler.accept(tag);
        } catch (FlvFormatException | IllegalArgumentException e) {
            throw new MalformedMediaException("unsupported " + kind(tag) + ": " + e.getMessage(), e);
        }
        List<GopRecord> records = closed.map(gop -> records(gop, false)).orElse(List.of());
        if (!records.isEmpty()) {
            bytesInGop = 0;
        }
        if (!(tag instanceof ScriptDataTag)) {
            bytesInGop += tag.body().length;
            if (bytesInGop > settings.maxGopBytes()) {
                throw new MalformedMediaException("a GOP of more than " + settings.maxGopBytes()
                        + " bytes: lower the keyframe interval or the bitrate");
            }
        }
        return records;
    }

    /**
     * Ends the session's media: the records of the GOP in progress, the last one flagged {@link GopFlag#LAST}; an
     * empty {@code LAST} record when nothing was pending; nothing at all when the session never produced a record.
     */
    public List<GopRecord> finish() {
        if (finished) {
            return List.of();
        }
        finished = true;
        Optional<ClosedGop> last = assembler.finish();
        if (last.isPresent()) {
            return records(last.get(), true);
        }
        if (sequence == 0) {
            return List.of();
        }
        VideoTag video = assembler.videoSequenceHeader().map(v -> new VideoTag(lastEnd, v.body())).orElse(null);
        AudioTag audio = assembler.audioSequenceHeader().map(a -> new AudioTag(lastEnd, a.body())).orElse(null);
        GopContent empty = new GopContent(assembler.onMetaData().orElse(null), video, audio, List.of());
        GopMetadata metadata = GopMetadata.of(sessionId, sequence++, lastEnd, 0, clock.millis(),
                EnumSet.of(GopFlag.LAST));
        return List.of(new GopRecord(metadata, GopRecordWriter.write(empty)));
    }

    /** Records produced so far. */
    public long recordCount() {
        return sequence;
    }

    /** Media time from the first record's start to the end of the last one. */
    public long mediaDurationMillis() {
        return firstStart < 0 ? 0 : lastEnd - firstStart;
    }

    /** What the current sequence headers say. */
    public StreamFacts facts() {
        return StreamFacts.of(assembler.videoSequenceHeader().orElse(null),
                assembler.audioSequenceHeader().orElse(null), assembler.onMetaData().orElse(null));
    }

    private List<GopRecord> records(ClosedGop gop, boolean last) {
        List<GopRecordPart> parts;
        try {
            parts = GopRecordWriter.writeParts(gop.content(), settings.recordBytes());
        } catch (IllegalArgumentException e) {
            throw new MalformedMediaException("a GOP that no record can hold: " + e.getMessage(), e);
        }
        long end = gop.startMillis() + gop.durationMillis();
        long[] starts = new long[parts.size()];
        starts[0] = gop.startMillis();
        for (int i = 1; i < parts.size(); i++) {
            starts[i] = parts.get(i).mediaStartMillis();
        }
        if (firstStart < 0) {
            firstStart = gop.startMillis();
        }
        long closedAt = clock.millis();
        List<GopRecord> records = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Set<GopFlag> flags = EnumSet.noneOf(GopFlag.class);
            if (sequence == 0) {
                flags.add(GopFlag.FIRST);
            }
            if (i > 0 || gop.continuation()) {
                flags.add(GopFlag.CONTINUED);
            }
            if (last && i == parts.size() - 1) {
                flags.add(GopFlag.LAST);
            }
            long partEnd = i + 1 < parts.size() ? starts[i + 1] : end;
            GopMetadata metadata = GopMetadata.of(sessionId, sequence++, starts[i], Math.max(0, partEnd - starts[i]),
                    closedAt, flags);
            records.add(new GopRecord(metadata, parts.get(i).value()));
        }
        lastEnd = Math.max(lastEnd, end);
        return records;
    }

    private static String kind(FlvTag tag) {
        return tag instanceof VideoTag ? "video" : tag instanceof AudioTag ? "audio" : "script data";
    }
}
