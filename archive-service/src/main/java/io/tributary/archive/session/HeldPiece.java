package io.tributary.archive.session;

import io.tributary.archive.assemble.ArchiveFragmenter;
import io.tributary.archive.assemble.PieceSamples;
import io.tributary.archive.assemble.PieceStart;
import io.tributary.archive.store.PartName.Piece;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A piece's samples as its {@link FragmentSpool} has them until it spools the piece: in memory ({@code samples}), its
 * fragment opened and the samples' bytes set aside in a file ({@code spilled}), or neither, the piece's record being
 * in the local cache already (a GOP kept for its chunk): its bytes are read from there when it is spooled, and only
 * where it starts is kept. At most one of {@code samples} and {@code spilled} is set.
 *
 * @param start where the piece starts, to time the piece before it
 */
record HeldPiece(Piece piece, PieceStart start, PieceSamples samples, SpilledFragment spilled) {

    static HeldPiece inMemory(Piece piece, PieceSamples samples) {
        return new HeldPiece(piece, PieceStart.of(samples), samples, null);
    }

    /** A piece whose record the local cache holds: nothing of its media is kept, it is read from there. */
    static HeldPiece inLocalCopy(Piece piece, PieceSamples samples) {
        return new HeldPiece(piece, PieceStart.of(samples), null, null);
    }

    /** The same piece with its samples' bytes set aside in {@code media}; only what its fragment says of them kept. */
    HeldPiece spill(ArchiveFragmenter fragmenter, Path media) throws IOException {
        if (samples == null) {
            return this;
        }
        return new HeldPiece(piece, start, null, SpilledFragment.write(fragmenter.open(samples), media));
    }

    /** Deletes the file of samples set aside, if any. */
    void discard() throws IOException {
        if (spilled != null) {
            spilled.delete();
        }
    }
}
