package io.tributary.transcode.manifest.live;

import io.tributary.transcode.manifest.FrameRate;

/**
 * What the manifests declare about a rendition's track while its format stays the same: codecs, size or sampling,
 * timescale, and the init segment that decodes it.
 *
 * @param codecs RFC 6381 codec string (HLS CODECS, DASH @codecs)
 * @param timescale ticks per second of the track's segments ('mdhd' timescale)
 * @param width 0 for audio
 * @param frameRate null for audio, or when not measured yet
 * @param sampleRate 0 for video
 * @param channels 0 for video
 * @param initUri the init segment's object name in the rendition's folder (EXT-X-MAP, DASH initialization)
 */
public record TrackFacts(TrackKind kind, String codecs, int timescale, int width, int height, FrameRate frameRate,
                         int sampleRate, int channels, String initUri) {

    public TrackFacts {
        if (kind == null || codecs == null || codecs.isBlank() || initUri == null || initUri.isBlank()) {
            throw new IllegalArgumentException("a track needs a kind, codecs and an init segment");
        }
        if (timescale <= 0 || width < 0 || height < 0 || sampleRate < 0 || channels < 0) {
            throw new IllegalArgumentException("bad track facts: " + timescale + " ticks/s, " + width + "x" + height
                    + ", " + sampleRate + " Hz, " + channels + " channels");
        }
    }

    public static TrackFacts video(String codecs, int timescale, int width, int height, FrameRate frameRate,
                                   String initUri) {
        return new TrackFacts(TrackKind.VIDEO, codecs, timescale, width, height, frameRate, 0, 0, initUri);
    }

    public static TrackFacts audio(String codecs, int timescale, int sampleRate, int channels, String initUri) {
        return new TrackFacts(TrackKind.AUDIO, codecs, timescale, 0, 0, null, sampleRate, channels, initUri);
    }

    public boolean isVideo() {
        return kind == TrackKind.VIDEO;
    }

    /** These facts with the frame rate measured earlier for the same format, so the manifests do not flicker. */
    public TrackFacts withFrameRate(FrameRate rate) {
        return new TrackFacts(kind, codecs, timescale, width, height, rate, sampleRate, channels, initUri);
    }
}
