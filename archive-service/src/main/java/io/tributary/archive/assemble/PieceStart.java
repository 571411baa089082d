package io.tributary.archive.assemble;

/**
 * Where a piece starts, track by track: what the last samples of the piece before it last until
 * ({@link ArchiveFragmenter}), all a fragment needs of its successor.
 *
 * @param videoDts decode time of the piece's first video frame (FLV milliseconds), or null
 * @param audioDts time of its first AAC frame, or null
 */
public record PieceStart(Long videoDts, Long audioDts) {

    /** Where {@code piece} starts; null for no piece (the session's last has no successor). */
    public static PieceStart of(PieceSamples piece) {
        if (piece == null) {
            return null;
        }
        return new PieceStart(piece.video().isEmpty() ? null : piece.video().get(0).dts(),
                piece.audio().isEmpty() ? null : piece.audio().get(0).dts());
    }
}
