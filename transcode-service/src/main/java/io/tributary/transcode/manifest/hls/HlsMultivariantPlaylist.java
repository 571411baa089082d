package io.tributary.transcode.manifest.hls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The multivariant ("master") playlist (RFC 8216 §4.3.4): the audio renditions, then one EXT-X-STREAM-INF per video
 * variant, in the given order (players start with the first).
 *
 * <p>A variant's BANDWIDTH is the peak of what a player fetches while playing it, video plus the largest rendition
 * of its audio group (§4.3.4.2), and its CODECS lists the video and audio codecs both.
 */
public record HlsMultivariantPlaylist(List<HlsVariant> variants, List<HlsAudioRendition> audioRenditions) {

    public HlsMultivariantPlaylist {
        variants = List.copyOf(variants);
        audioRenditions = List.copyOf(audioRenditions);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a multivariant playlist needs at least one variant");
        }
        for (HlsVariant v : variants) {
            boolean known = v.audioGroupId() == null
                    || audioRenditions.stream().anyMatch(a -> a.groupId().equals(v.audioGroupId()));
            if (!known) {
                throw new IllegalArgumentException("variant " + v.uri() + " names unknown audio group "
                        + v.audioGroupId());
            }
        }
    }

    public String render() {
        StringBuilder out = new StringBuilder(512);
        out.append("#EXTM3U\n");
        out.append("#EXT-X-VERSION:").append(HlsMediaPlaylist.VERSION).append('\n');
        out.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (HlsAudioRendition a : audioRenditions) {
            out.append("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=").append(HlsText.quoted(a.groupId()))
                    .append(",NAME=").append(HlsText.quoted(a.name()));
            if (a.language() != null) {
                out.append(",LANGUAGE=").append(HlsText.quoted(a.language()));
            }
            out.append(",DEFAULT=").append(a.isDefault() ? "YES" : "NO")
                    .append(",AUTOSELECT=YES")
                    .append(",CHANNELS=").append(HlsText.quoted(Integer.toString(a.channels())))
                    .append(",URI=").append(HlsText.quoted(a.uri())).append('\n');
        }
        for (HlsVariant v : variants) {
            List<HlsAudioRendition> group = group(v.audioGroupId());
            long peak = v.peakBitrate() + group.stream().mapToLong(HlsAudioRendition::peakBitrate).max().orElse(0);
            out.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(peak);
            if (v.averageBitrate() > 0) {
                long audioAverage = group.stream().mapToLong(HlsAudioRendition::averageBitrate).max().orElse(0);
                out.append(",AVERAGE-BANDWIDTH=").append(v.averageBitrate() + audioAverage);
            }
            out.append(",CODECS=").append(HlsText.quoted(codecs(v, group)));
            if (v.width() > 0 && v.height() > 0) {
                out.append(",RESOLUTION=").append(v.width()).append('x').append(v.height());
            }
            if (v.frameRate() != null) {
                out.append(",FRAME-RATE=").append(v.frameRate().toHlsDecimal());
            }
            if (v.audioGroupId() != null) {
                out.append(",AUDIO=").append(HlsText.quoted(v.audioGroupId()));
            }
            out.append('\n').append(v.uri()).append('\n');
        }
        return out.toString();
    }

    private List<HlsAudioRendition> group(String groupId) {
        List<HlsAudioRendition> group = new ArrayList<>();
        if (groupId != null) {
            audioRenditions.stream().filter(a -> a.groupId().equals(groupId)).forEach(group::add);
        }
        return group;
    }

    private static String codecs(HlsVariant v, List<HlsAudioRendition> group) {
        Set<String> codecs = new LinkedHashSet<>(List.of(v.codecs().split(",")));
        group.forEach(a -> codecs.addAll(List.of(a.codecs().split(","))));
        return String.join(",", codecs);
    }
}
