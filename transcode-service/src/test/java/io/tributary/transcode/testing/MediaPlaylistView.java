package io.tributary.transcode.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A media playlist as a player reads it, parsed independently of the service's own writer and reader, with the RFC
 * 8216 rules a live fMP4 playlist must follow checked on the way.
 *
 * @param segments URI, EXTINF seconds, whether EXT-X-DISCONTINUITY precedes it, its EXT-X-MAP URI
 */
public record MediaPlaylistView(int version, int targetDuration, long mediaSequence, long discontinuitySequence,
                                List<Segment> segments, boolean ended) {

    public record Segment(String uri, BigDecimal seconds, boolean discontinuity, String map, String programDateTime) {
    }

    /** Parses and checks: fails the test on the first rule broken. */
    public static MediaPlaylistView parse(String text) {
        List<String> lines = text.lines().toList();
        assertEquals("#EXTM3U", lines.get(0), "RFC 8216 §4.3.1.1: the first line is #EXTM3U");
        int version = -1;
        int target = -1;
        long mediaSequence = 0;
        long discontinuitySequence = 0;
        boolean ended = false;
        List<Segment> segments = new ArrayList<>();
        BigDecimal extinf = null;
        boolean discontinuity = false;
        String map = null;
        String pdt = null;
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(!ended, "§4.3.3.4: nothing follows EXT-X-ENDLIST, but: " + line);
            if (line.startsWith("#EXT-X-VERSION:")) {
                version = Integer.parseInt(value(line));
            } else if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                target = Integer.parseInt(value(line));
            } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                assertTrue(segments.isEmpty(), "§4.3.3.2: EXT-X-MEDIA-SEQUENCE before the first segment");
                mediaSequence = Long.parseLong(value(line));
            } else if (line.startsWith("#EXT-X-DISCONTINUITY-SEQUENCE:")) {
                discontinuitySequence = Long.parseLong(value(line));
            } else if (line.equals("#EXT-X-DISCONTINUITY")) {
                discontinuity = true;
            } else if (line.startsWith("#EXT-X-MAP:URI=\"")) {
                map = line.substring(16, line.length() - 1);
            } else if (line.startsWith("#EXT-X-PROGRAM-DATE-TIME:")) {
                pdt = value(line);
            } else if (line.startsWith("#EXTINF:")) {
                String v = value(line);
                extinf = new BigDecimal(v.substring(0, v.indexOf(',')));
            } else if (line.equals("#EXT-X-ENDLIST")) {
                ended = true;
            } else if (!line.startsWith("#") && !line.isBlank()) {
                assertTrue(extinf != null, "§4.3.2.1: EXTINF before every segment URI: " + line);
                assertTrue(map != null, "§4.3.2.5: fMP4 segments need EXT-X-MAP: " + line);
                segments.add(new Segment(line, extinf, discontinuity, map, pdt));
                extinf = null;
                discontinuity = false;
                pdt = null;
            }
        }
        assertTrue(version >= 6, "§4.3.2.5/§7: EXT-X-MAP without I-frames needs version 6+: " + version);
        assertTrue(target >= 1, "§4.3.3.1: EXT-X-TARGETDURATION is required");
        for (Segment s : segments) {
            assertTrue(s.seconds().setScale(0, RoundingMode.HALF_UP).intValue() <= target,
                    "§4.3.3.1: EXTINF " + s.seconds() + " rounded exceeds EXT-X-TARGETDURATION " + target);
            assertTrue(s.programDateTime() != null, "every segment has EXT-X-PROGRAM-DATE-TIME: " + s.uri());
        }
        return new MediaPlaylistView(version, target, mediaSequence, discontinuitySequence, segments, ended);
    }

    public List<String> uris() {
        return segments.stream().map(Segment::uri).toList();
    }

    public BigDecimal totalSeconds() {
        return segments.stream().map(Segment::seconds).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public long discontinuities() {
        return segments.stream().filter(Segment::discontinuity).count();
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1);
    }
}
