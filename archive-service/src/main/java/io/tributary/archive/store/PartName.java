package io.tributary.archive.store;

import io.tributary.archive.encode.EncodeMode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one intermediate object of a session, under {@link PartKeys#sessionPrefix}. Everything recovery needs
 * is in the names, so that one listing rebuilds a session's state after a crash: which records each piece covers,
 * what they weighed when they came in, and an SSIM sample when one was measured.
 */
public sealed interface PartName permits PartName.Piece, PartName.Raw, PartName.Chunk {

    String fileName();

    /** The name, or empty for an object that is not one of ours (left alone, deleted with the session). */
    static Optional<PartName> parse(String fileName) {
        Matcher p = Piece.PATTERN.matcher(fileName);
        if (p.matches()) {
            return named(() -> new Piece(Long.parseLong(p.group(1)), Long.parseLong(p.group(2)),
                    Long.parseLong(p.group(3)), p.group(4).equals(Piece.X264) ? EncodeMode.REENCODE : EncodeMode.COPY,
                    p.group(5) == null ? null : Double.valueOf(p.group(5))));
        }
        Matcher c = Chunk.PATTERN.matcher(fileName);
        if (c.matches()) {
            return named(() -> new Chunk(Long.parseLong(c.group(1)), Long.parseLong(c.group(2)),
                    Long.parseLong(c.group(3)), c.group(4) == null ? Chunk.UNKNOWN : Long.parseLong(c.group(4)),
                    c.group(5) == null ? Chunk.UNKNOWN : Long.parseLong(c.group(5))));
        }
        Matcher r = Raw.PATTERN.matcher(fileName);
        if (r.matches()) {
            return named(() -> new Raw(Long.parseLong(r.group(1))));
        }
        return Optional.empty();
    }

    /**
     * A sequence number zero-padded to at least 10 digits, so that the server's lexicographic listing is in sequence
     * order ({@code %010d} without {@link String#format}'s parsing: names are made several times per GOP).
     */
    private static String seqDigits(long seq) {
        String digits = Long.toString(seq);
        return digits.length() >= 10 ? digits : "0".repeat(10 - digits.length()) + digits;
    }

    /**
     * The name built from a matching file name, or empty when its numbers say it is not one we wrote: 19 digits above
     * Long.MAX_VALUE (NumberFormatException), a last sequence number before the first, an SSIM above 1.
     */
    private static Optional<PartName> named(Supplier<PartName> build) {
        try {
            return Optional.of(build.get());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * One GOP as stored for the archive (re-encoded, or the record itself in copy mode): records {@code firstSeq} to
     * {@code lastSeq}, more than one when the GOP came with continuation records.
     *
     * @param ingestedBytes the bytes of those records as they came from Kafka (for the compression ratio)
     * @param mode          how it was made: a session keeps the mode of its first piece, so pieces always concatenate
     * @param ssim          SSIM of the piece against its source, or null when not measured
     */
    record Piece(long firstSeq, long lastSeq, long ingestedBytes, EncodeMode mode, Double ssim) implements PartName {
        static final String X264 = "x264";
        static final String COPY = "copy";
        // sequence numbers zero-padded to 10 digits so that the server's lexicographic listing is in sequence order
        static final Pattern PATTERN = Pattern.compile(
                "piece-([0-9]{10,19})-([0-9]{10,19})-([0-9]{1,19})b-(x264|copy)(?:-s([01]\\.[0-9]{5}))?\\.flv");

        public Piece {
            if (firstSeq < 0 || lastSeq < firstSeq || ingestedBytes < 0) {
                throw new IllegalArgumentException("bad piece range " + firstSeq + ".." + lastSeq + " / " + ingestedBytes);
            }
            Objects.requireNonNull(mode, "mode");
            if (ssim != null && (ssim.isNaN() || ssim < 0 || ssim > 1)) {
                throw new IllegalArgumentException("SSIM is 0..1: " + ssim);
            }
        }

        @Override
        public String fileName() {
            String base = "piece-" + seqDigits(firstSeq) + "-" + seqDigits(lastSeq) + "-" + ingestedBytes + "b-"
                    + (mode == EncodeMode.REENCODE ? X264 : COPY);
            return ssim == null ? base + ".flv" : base + String.format(Locale.ROOT, "-s%.5f.flv", ssim);
        }
    }

    /** A GOP record as it came, kept while its GOP may still be continued by the next record. */
    record Raw(long seq) implements PartName {
        static final Pattern PATTERN = Pattern.compile("raw-([0-9]{10,19})\\.flv");

        public Raw {
            if (seq < 0) {
                throw new IllegalArgumentException("sequence must not be negative: " + seq);
            }
        }

        @Override
        public String fileName() {
            return "raw-" + seqDigits(seq) + ".flv";
        }
    }

    /**
     * Movie fragments of the archive, made while the stream is live: those of the pieces whose first sequence number
     * is {@code firstSeq} to {@code lastSeq}, at least {@code ObjectStore.MIN_PART_SIZE} bytes so that the archive
     * is assembled from chunks by server-side part copies. The session's first chunk starts with the init segment.
     *
     * <p>In copy mode a GOP in a chunk has no piece of its own (the chunk is the only place it is stored), so the chunk
     * says what the pieces would have said: the bytes its records weighed when they came in, and where its media ends.
     * Chunks written before that ({@code chunk-…-{bytes}b.m4s}) have both {@link #UNKNOWN}; their GOPs have pieces.
     *
     * @param bytes         the object's size (the archive's size is the chunks' and the tail's)
     * @param ingestedBytes the bytes of the records whose GOPs it holds, or {@link #UNKNOWN}
     * @param endMillis     where the last of its fragments ends on the archive's timeline, or {@link #UNKNOWN}
     */
    record Chunk(long firstSeq, long lastSeq, long bytes, long ingestedBytes, long endMillis) implements PartName {
        public static final long UNKNOWN = -1;
        static final Pattern PATTERN = Pattern.compile(
                "chunk-([0-9]{10,19})-([0-9]{10,19})-([0-9]{1,19})b(?:-([0-9]{1,19})i-([0-9]{1,19})ms)?\\.m4s");

        public Chunk {
            if (firstSeq < 0 || lastSeq < firstSeq || bytes < 0 || ingestedBytes < UNKNOWN || endMillis < UNKNOWN) {
                throw new IllegalArgumentException("bad chunk " + firstSeq + ".." + lastSeq + " / " + bytes);
            }
        }

        /** A chunk as named before copy mode stopped storing pieces: its GOPs' pieces are stored too. */
        public Chunk(long firstSeq, long lastSeq, long bytes) {
            this(firstSeq, lastSeq, bytes, UNKNOWN, UNKNOWN);
        }

        /** True when the chunk says what its GOPs weighed (so they need no piece of their own). */
        public boolean describesItsGops() {
            return ingestedBytes != UNKNOWN && endMillis != UNKNOWN;
        }

        @Override
        public String fileName() {
            String base = "chunk-" + seqDigits(firstSeq) + "-" + seqDigits(lastSeq) + "-" + bytes + "b";
            return describesItsGops() ? base + "-" + ingestedBytes + "i-" + endMillis + "ms.m4s" : base + ".m4s";
        }
    }
}
