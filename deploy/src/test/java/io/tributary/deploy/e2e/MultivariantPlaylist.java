package io.tributary.deploy.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HLS multivariant ("master") playlist as a player reads it (RFC 8216 section 4.3.4): its variant streams and
 * the renditions they refer to, with what is wrong with it.
 *
 * @param variantUris   the URI after each {@code EXT-X-STREAM-INF}, relative as written
 * @param variants      the attributes of each {@code EXT-X-STREAM-INF} ({@code BANDWIDTH}, {@code RESOLUTION},
 *                      {@code CODECS}...), in the order of {@code variantUris}
 * @param renditionUris the {@code URI} of each {@code EXT-X-MEDIA} that has one (an audio rendition...)
 * @param problems      rule violations, each naming its RFC 8216 section; empty when valid
 */
public record MultivariantPlaylist(List<String> variantUris, List<Map<String, String>> variants,
        List<String> renditionUris, List<String> problems) {

    public static MultivariantPlaylist parse(String text) {
        List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        List<String> problems = new ArrayList<>();
        List<String> variants = new ArrayList<>();
        List<Map<String, String>> variantAttributes = new ArrayList<>();
        List<String> renditions = new ArrayList<>();
        if (lines.isEmpty() || !lines.get(0).equals("#EXTM3U")) {
            problems.add("first line is not #EXTM3U (4.3.1.1)");
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#EXT-X-STREAM-INF:")) {
                Map<String, String> attributes = HlsAttributes.parse(line.substring("#EXT-X-STREAM-INF:".length()));
                if (!attributes.containsKey("BANDWIDTH")) {
                    problems.add("EXT-X-STREAM-INF without BANDWIDTH (4.3.4.2): " + line);
                }
                if (i + 1 >= lines.size() || lines.get(i + 1).startsWith("#")) {
                    problems.add("EXT-X-STREAM-INF not followed by a URI (4.3.4.2): " + line);
                } else {
                    variants.add(lines.get(++i));
                    variantAttributes.add(Map.copyOf(attributes));
                }
            } else if (line.startsWith("#EXT-X-MEDIA:")) {
                Map<String, String> attributes = HlsAttributes.parse(line.substring("#EXT-X-MEDIA:".length()));
                if (!attributes.containsKey("TYPE") || !attributes.containsKey("GROUP-ID")
                        || !attributes.containsKey("NAME")) {
                    problems.add("EXT-X-MEDIA without TYPE, GROUP-ID or NAME (4.3.4.1): " + line);
                }
                if (attributes.containsKey("URI")) {
                    renditions.add(attributes.get("URI"));
                }
            } else if (line.startsWith("#EXTINF") || line.startsWith("#EXT-X-TARGETDURATION")) {
                problems.add("a media playlist tag in a multivariant playlist (4.1): " + line);
            }
        }
        if (variants.isEmpty()) {
            problems.add("no EXT-X-STREAM-INF variant (4.3.4.2)");
        }
        return new MultivariantPlaylist(List.copyOf(variants), List.copyOf(variantAttributes), List.copyOf(renditions),
                List.copyOf(problems));
    }

    /** Every media playlist a player may load: the variants' and the renditions'. */
    public List<String> mediaPlaylistUris() {
        List<String> all = new ArrayList<>(variantUris);
        renditionUris.stream().filter(uri -> !all.contains(uri)).forEach(all::add);
        return all;
    }
}
