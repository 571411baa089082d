package io.tributary.media.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The object layout in the bucket, in one place:
 *
 * <pre>
 * live/{channel}/master.m3u8                        HLS multivariant playlist
 * live/{channel}/manifest.mpd                       DASH MPD
 * live/{channel}/{rendition}/init-{hash}.mp4        CMAF init segment, named after its content
 * live/{channel}/{rendition}/{sessionId}-{seq}.m4s  media segment
 * live/{channel}/{rendition}/index.m3u8             HLS media playlist
 * thumbnails/{channel}/latest.jpg
 * thumbnails/{channel}/{sessionId}/{minute}.jpg
 * archive/{channel}/{sessionId}.mp4
 * </pre>
 *
 * <p>Every name is checked before it becomes part of a key, so that no key can leave its prefix or collide with
 * another's ({@code ..}, {@code /}, dots, upper case and empty names are refused with an
 * {@link IllegalArgumentException}). {@code live/} and {@code thumbnails/} are the publicly readable prefixes.
 */
public final class ObjectKeys {
    public static final String LIVE_PREFIX = "live/";
    public static final String THUMBNAILS_PREFIX = "thumbnails/";
    public static final String ARCHIVE_PREFIX = "archive/";

    /** Channel names as auth-service accepts them: lowercase letters, digits, '-' and '_', 1 to 64. */
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9_-]{1,64}");
    /** Renditions are ours ("source", "720p", "audio"): the channel alphabet, 1 to 32. */
    private static final Pattern RENDITION = Pattern.compile("[a-z0-9_-]{1,32}");
    /** ULIDs (26, Crockford base32) and UUIDs (36, hex and '-') both fit; no '.' or '/'. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** Hex digits of SHA-256 in an init segment's name: 64 bits, no collision among one channel's few formats. */
    private static final int INIT_HASH_HEX_DIGITS = 16;

    private ObjectKeys() {
    }

    public static boolean isValidChannel(String channel) {
        return channel != null && CHANNEL.matcher(channel).matches();
    }

    public static boolean isValidRendition(String rendition) {
        return rendition != null && RENDITION.matcher(rendition).matches();
    }

    public static boolean isValidSessionId(String sessionId) {
        return sessionId != null && SESSION_ID.matcher(sessionId).matches();
    }

    /** {@code live/{channel}/}: everything live for a channel. */
    public static String livePrefix(String channel) {
        return LIVE_PREFIX + channel(channel) + "/";
    }

    public static String masterPlaylist(String channel) {
        return livePrefix(channel) + "master.m3u8";
    }

    public static String dashManifest(String channel) {
        return livePrefix(channel) + "manifest.mpd";
    }

    /** {@code live/{channel}/{rendition}/}. */
    public static String renditionPrefix(String channel, String rendition) {
        return livePrefix(channel) + rendition(rendition) + "/";
    }

    /** {@code live/{channel}/{rendition}/init-{hash}.mp4} for these init segment bytes ({@link #initObjectName}). */
    public static String initSegment(String channel, String rendition, byte[] initSegment) {
        return renditionPrefix(channel, rendition) + initObjectName(initSegment);
    }

    /**
     * The object name of an init segment, {@code init-<first 16 hex digits of its SHA-256>.mp4}: named after its
     * content, so a codec change mid-stream gets a new init segment while the segments still in the window keep
     * theirs, the same format always maps to the same object (no rewrite when a session resumes with the same
     * encoder settings), and the object can be cached as immutable.
     */
    public static String initObjectName(byte[] initSegment) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(initSegment);
            return "init-" + HexFormat.of().formatHex(digest).substring(0, INIT_HASH_HEX_DIGITS) + ".mp4";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static String mediaSegment(String channel, String rendition, String sessionId, long sequence) {
        return renditionPrefix(channel, rendition) + sessionId(sessionId) + "-" + nonNegative(sequence, "sequence")
                + ".m4s";
    }

    public static String mediaPlaylist(String channel, String rendition) {
        return renditionPrefix(channel, rendition) + "index.m3u8";
    }

    public static String latestThumbnail(String channel) {
        return THUMBNAILS_PREFIX + channel(channel) + "/latest.jpg";
    }

    public static String minuteThumbnail(String channel, String sessionId, long minute) {
        return THUMBNAILS_PREFIX + channel(channel) + "/" + sessionId(sessionId) + "/" + nonNegative(minute, "minute")
                + ".jpg";
    }

    public static String archive(String channel, String sessionId) {
        return ARCHIVE_PREFIX + channel(channel) + "/" + sessionId(sessionId) + ".mp4";
    }

    private static String channel(String channel) {
        if (!isValidChannel(channel)) {
            throw new IllegalArgumentException("not a channel name (lowercase letters, digits, '-', '_', 1-64): "
                    + quoted(channel));
        }
        return channel;
    }

    private static String rendition(String rendition) {
        if (!isValidRendition(rendition)) {
            throw new IllegalArgumentException("not a rendition name (lowercase letters, digits, '-', '_', 1-32): "
                    + quoted(rendition));
        }
        return rendition;
    }

    private static String sessionId(String sessionId) {
        if (!isValidSessionId(sessionId)) {
            throw new IllegalArgumentException("not a session id (letters, digits, '-', 1-64): " + quoted(sessionId));
        }
        return sessionId;
    }

    private static long nonNegative(long n, String what) {
        if (n < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + n);
        }
        return n;
    }

    private static String quoted(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > 70 ? s.substring(0, 70) + "…" : s;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
