package io.tributary.transcode.manifest.live;

/** What a rendition carries: each rendition is one CMAF track, video or audio. */
public enum TrackKind {
    VIDEO,
    AUDIO
}
