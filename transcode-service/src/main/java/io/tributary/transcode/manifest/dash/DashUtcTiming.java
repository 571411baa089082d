package io.tributary.transcode.manifest.dash;

import java.time.Instant;

/**
 * UTCTiming (ISO/IEC 23009-1 §5.8.4.11, §5.8.5.7): how a player aligns its clock with ours, which it must do to
 * compute the live edge from availabilityStartTime.
 */
public record DashUtcTiming(String schemeIdUri, String value) {
    public static final String HTTP_XSDATE = "urn:mpeg:dash:utc:http-xsdate:2014";
    public static final String HTTP_ISO = "urn:mpeg:dash:utc:http-iso:2014";
    public static final String DIRECT = "urn:mpeg:dash:utc:direct:2014";

    /** The player fetches {@code url}, which answers an xs:dateTime (e.g. {@code https://time.akamai.com/?iso}). */
    public static DashUtcTiming httpXsDate(String url) {
        return new DashUtcTiming(HTTP_XSDATE, url);
    }

    /**
     * The time is in the MPD itself: exact only while the MPD is fresh, which short cache lifetimes keep close
     * enough for segment-level (seconds) latency, and needs no extra request or time server.
     */
    public static DashUtcTiming direct(Instant now) {
        return new DashUtcTiming(DIRECT, DashText.dateTime(now));
    }
}
