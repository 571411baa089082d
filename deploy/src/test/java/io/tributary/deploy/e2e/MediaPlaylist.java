package io.tributary.deploy.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HLS media playlist as a player reads it (RFC 8216 sections 4.3.2 and 4.3.3), with what is wrong with it for a
 * live CMAF stream: the target duration must bound every segment's rounded duration, the media sequence must be
 * given, and the segments need their initialization section ({@code EXT-X-MAP}, which needs version 6).
 *
 * @param version        {@code EXT-X-VERSION}, 1 when absent
 * @param targetDuration {@code EXT-X-TARGETDURATION}, -1 when absent
 * @param mediaSequence  {@code EXT-X-MEDIA-SEQUENCE}, -1 when absent
 * @param mapUri         the {@code URI} of the first {@code EXT-X-MAP}, null when absent
 * @param segments       in order
 * @param endList        whether {@code EXT-X-ENDLIST} is there: no segment will be added
 * @param problems       rule violations, each naming its RFC 8216 section; empty when valid
 */
public record MediaPlaylist(int version, long targetDuration, long mediaSequence, String mapUri,
                            List<Segment> segments, boolean endList, List<String> problems) {

    /** One media segment: its {@code EXTINF} duration in seconds and its URI as written. */
    public record Segment(double duration, String uri) {
    }

    public static MediaPlaylist parse(String text) {
        List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        List<String> problems = new ArrayList<>();
        if (lines.isEmpty() || !lines.get(0).equals("#EXTM3U")) {
            problems.add("first line is not #EXTM3U (4.3.1.1)");
        }
        int version = 1;
        long targetDuration = -1;
        long mediaSequence = -1;
        String mapUri = null;
        boolean endList = false;
        List<Segment> segments = new ArrayList<>();
        Double pendingDuration = null;
        for (String line : lines) {
            if (line.startsWith("#EXT-X-VERSION:")) {
                version = (int) number(line, problems);
            } else if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                targetDuration = number(line, problems);
            } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                mediaSequence = number(line, problems);
            } else if (line.startsWith("#EXT-X-MAP:")) {
                Map<String, String> attributes = HlsAttributes.parse(line.substring("#EXT-X-MAP:".length()));
                if (!attributes.containsKey("URI")) {
                    problems.add("EXT-X-MAP without URI (4.3.2.5): " + line);
                } else if (mapUri == null) {
                    mapUri = attributes.get("URI");
                }
            } else if (line.startsWith("#EXTINF:")) {
                String value = line.substring("#EXTINF:".length());
                int comma = value.indexOf(',');
                try {
                    pendingDuration = Double.parseDouble(comma < 0 ? value : value.substring(0, comma));
                } catch (NumberFormatException e) {
                    problems.add("EXTINF duration is not a number (4.3.2.1): " + line);
                    pendingDuration = 0.0;
                }
            } else if (line.equals("#EXT-X-ENDLIST")) {
                endList = true;
            } else if (!line.startsWith("#")) {
                if (pendingDuration == null) {
                    problems.add("a URI without EXTINF (4.3.2.1): " + line);
                } else {
                    segments.add(new Segment(pendingDuration, line));
                    pendingDuration = null;
                }
            }
        }
        if (pendingDuration != null) {
            problems.add("the last EXTINF has no URI (4.3.2.1)");
        }
        if (targetDuration < 0) {
            problems.add("no EXT-X-TARGETDURATION (4.3.3.1)");
        }
        for (Segment segment : segments) {
            if (targetDuration >= 0 && Math.round(segment.duration()) > targetDuration) {
                problems.add("EXTINF " + segment.duration() + " of " + segment.uri() + " rounds above the target "
                        + "duration " + targetDuration + " (4.3.3.1)");
            }
        }
        if (mediaSequence < 0) {
            problems.add("no EXT-X-MEDIA-SEQUENCE: a live playlist that slides needs it (4.3.3.2, 6.2.2)");
        }
        if (mapUri == null) {
            problems.add("no EXT-X-MAP: fMP4 segments need their initialization section (4.3.2.5, 3.3)");
        } else if (version < 6) {
            problems.add("EXT-X-MAP needs EXT-X-VERSION 6 or more, found " + version + " (4.3.2.5, 7)");
        }
        return new MediaPlaylist(version, targetDuration, mediaSequence, mapUri, List.copyOf(segments), endList,
                List.copyOf(problems));
    }

    private static long number(String line, List<String> problems) {
        String value = line.substring(line.indexOf(':') + 1);
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            problems.add("not a decimal-integer (4.2): " + line);
            return -1;
        }
    }
}
