package io.tributary.transcode.cmaf;

import java.util.List;

/**
 * One GOP split into tracks: the formats its sequence headers declare and each track's samples. A format is null
 * when the GOP carries no (supported) sequence header for that track; its samples are then empty.
 */
public record GopSamples(VideoFormat videoFormat, List<Sample> video, AudioFormat audioFormat, List<Sample> audio) {

    public GopSamples {
        video = List.copyOf(video);
        audio = List.copyOf(audio);
    }

    public boolean hasVideo() {
        return videoFormat != null && !video.isEmpty();
    }

    public boolean hasAudio() {
        return audioFormat != null && !audio.isEmpty();
    }
}
