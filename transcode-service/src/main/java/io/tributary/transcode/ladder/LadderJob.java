package io.tributary.transcode.ladder;

import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import java.util.OptionalLong;

/**
 * One GOP record to encode into a channel's rungs.
 *
 * @param sequence the record's sequence number: the rungs' segments take it, as the source's does
 * @param endMillis the record's declared end (media start plus duration): the source's last frame lasts up to it,
 *     and so must each rung's
 * @param last the session's last record
 */
public record LadderJob(String channel, String sessionId, long sequence, GopContent content, OptionalLong endMillis,
                        boolean last) {

    public LadderJob {
        if (channel == null || sessionId == null || content == null || endMillis == null || sequence < 0) {
            throw new IllegalArgumentException("a ladder job needs a channel, a session, a sequence and content");
        }
    }

    /** The job of a record as the worker read it: the same end the source rendition's packaging uses. */
    public static LadderJob of(String channel, GopMetadata gop, GopContent content) {
        return new LadderJob(channel, gop.sessionId(), gop.sequence(), content, declaredEnd(gop),
                gop.has(GopFlag.LAST));
    }

    /**
     * Where the GOP's last frame ends, for the source rendition and every rung alike. A GOP's declared end is the next
     * keyframe; the session's last record has no next keyframe (ingest declares its end at the later of audio and
     * video), so its last frame lasts one typical frame rather than as long as the audio runs on.
     */
    public static OptionalLong declaredEnd(GopMetadata gop) {
        return gop.has(GopFlag.LAST) ? OptionalLong.empty()
                : OptionalLong.of(gop.mediaStartMillis() + gop.mediaDurationMillis());
    }
}
