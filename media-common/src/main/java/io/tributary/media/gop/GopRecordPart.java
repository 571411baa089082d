package io.tributary.media.gop;

/**
 * One record's value when a GOP is split over several records, with the media time its tags start at: the writer
 * knows it while splitting, so the caller need not parse the part again to date it.
 *
 * @param value            a self-contained FLV stream ({@link GopRecordReader} reads it)
 * @param mediaStartMillis timestamp of the part's first audio or video tag; a part without one starts where the
 *                         previous part did (the GOP's start for the first)
 */
public record GopRecordPart(byte[] value, long mediaStartMillis) {
}
