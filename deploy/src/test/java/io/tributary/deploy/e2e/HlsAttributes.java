package io.tributary.deploy.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An HLS attribute list ({@code BANDWIDTH=800000,CODECS="avc1.64001e,mp4a.40.2"}), RFC 8216 section 4.2. */
final class HlsAttributes {

    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Z0-9-]+)=(\"[^\"]*\"|[^,]*)");

    private HlsAttributes() {
    }

    /** Names to values, quoted strings without their quotes. */
    static Map<String, String> parse(String list) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher matcher = ATTRIBUTE.matcher(list);
        while (matcher.find()) {
            String value = matcher.group(2);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            attributes.put(matcher.group(1), value);
        }
        return attributes;
    }
}
