package io.tributary.media.gop;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The Kafka record headers of a GOP record, in one place. Values are UTF-8 text so that {@code kcat} shows them:
 * numbers in decimal, flags comma-separated by their {@link GopFlag#headerValue()} (empty for none).
 */
public final class GopHeaders {
    public static final String SCHEMA_VERSION = "tributary-schema-version";
    public static final String SESSION_ID = "tributary-session-id";
    public static final String SEQUENCE = "tributary-sequence";
    public static final String MEDIA_START_MS = "tributary-media-start-ms";
    public static final String MEDIA_DURATION_MS = "tributary-media-duration-ms";
    public static final String CLOSED_AT_MS = "tributary-closed-at-ms";
    public static final String FLAGS = "tributary-flags";

    /** A ULID is 26 characters and a UUID 36; anything much longer is not a session id of ours. */
    private static final int MAX_SESSION_ID_LENGTH = 128;
    /** Up to 19 digits: every non-negative long, and nothing that could be one with a sign or spaces. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,19}");

    private GopHeaders() {
    }

    /** The headers, in a fixed order. */
    public static Map<String, byte[]> encode(GopMetadata m) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(SCHEMA_VERSION, utf8(Integer.toString(m.schemaVersion())));
        headers.put(SESSION_ID, utf8(m.sessionId()));
        headers.put(SEQUENCE, utf8(Long.toString(m.sequence())));
        headers.put(MEDIA_START_MS, utf8(Long.toString(m.mediaStartMillis())));
        headers.put(MEDIA_DURATION_MS, utf8(Long.toString(m.mediaDurationMillis())));
        headers.put(CLOSED_AT_MS, utf8(Long.toString(m.closedAtEpochMillis())));
        StringJoiner flags = new StringJoiner(",");
        m.flags().forEach(f -> flags.add(f.headerValue()));
        headers.put(FLAGS, utf8(flags.toString()));
        return headers;
    }

    /**
     * Reads the metadata back.
     *
     * @param lastHeaderValue the value of the last header with a name (Kafka's {@code headers.lastHeader(name)}),
     *                        or null when there is none
     * @throws GopRecordException naming the header that is missing or garbled
     */
    public static GopMetadata decode(Function<String, byte[]> lastHeaderValue) {
        long version = number(lastHeaderValue, SCHEMA_VERSION);
        if (version != GopMetadata.SCHEMA_VERSION) {
            throw new GopRecordException("GOP record schema version " + version + " is not "
                    + GopMetadata.SCHEMA_VERSION + ", the one this reader knows");
        }
        String sessionId = text(lastHeaderValue, SESSION_ID);
        if (sessionId.isEmpty() || sessionId.length() > MAX_SESSION_ID_LENGTH
                || sessionId.chars().anyMatch(c -> c <= 0x20 || c == 0x7F)) {
            throw new GopRecordException("Kafka header " + SESSION_ID + " is not a session id");
        }
        return new GopMetadata((int) version, sessionId, number(lastHeaderValue, SEQUENCE),
                number(lastHeaderValue, MEDIA_START_MS), number(lastHeaderValue, MEDIA_DURATION_MS),
                number(lastHeaderValue, CLOSED_AT_MS), flags(text(lastHeaderValue, FLAGS)));
    }

    private static long number(Function<String, byte[]> headers, String name) {
        String s = text(headers, name);
        if (!DECIMAL.matcher(s).matches()) {
            throw new GopRecordException("Kafka header " + name + " is not a decimal number: '" + printable(s) + "'");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new GopRecordException("Kafka header " + name + " is out of range: " + s, e);
        }
    }

    private static Set<GopFlag> flags(String s) {
        Set<GopFlag> flags = EnumSet.noneOf(GopFlag.class);
        if (s.isEmpty()) {
            return flags;
        }
        for (String part : s.split(",", -1)) {
            GopFlag f = GopFlag.fromHeaderValue(part);
            if (f == null) {
                throw new GopRecordException("Kafka header " + FLAGS + " has an unknown flag: '" + printable(part)
                        + "'");
            }
            flags.add(f);
        }
        return flags;
    }

    private static String text(Function<String, byte[]> headers, String name) {
        byte[] value = headers.apply(name);
        if (value == null) {
            throw new GopRecordException("GOP record without the Kafka header " + name);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new GopRecordException("Kafka header " + name + " is not UTF-8", e);
        }
    }

    /** Header text for an error message: short, and control characters shown as '?'. */
    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
