package io.tributary.archive.session;

import io.tributary.archive.assemble.ArchiveFragmenter;
import io.tributary.archive.assemble.PieceSamples;
import io.tributary.archive.assemble.PieceStart;
import io.tributary.archive.store.PartName.Piece;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A piece's samples as its {@link FragmentSpool} has them until it spools the piece: in memory ({@code samples}), or
 * its fragment opened and the samples' bytes set aside in a file ({@code spilled}). Exactly one of the two is set.
 */
record HeldPiece(Piece piece, PieceSamples samples, SpilledFragment spilled) {

    static HeldPiece inMemory(Piece piece, PieceSamples samples) {
        return new HeldPiece(piece, samples, null);
    }

    /** The same piece with its samples' bytes set aside in {@code media}; only what its fragment says of them kept. */
    HeldPiece spill(ArchiveFragmenter fragmenter, Path media) throws IOException {
        if (spilled != null) {
            return this;
        }
        return new HeldPiece(piece, null, SpilledFragment.write(fragmenter.open(samples), media));
    }

    /** Where the piece starts, to time the piece before it. */
    PieceStart start() {
        return spilled != null ? spilled.open().start() : PieceStart.of(samples);
    }

    /** Deletes the file of samples set aside, if any. */
    void discard() throws IOException {
        if (spilled != null) {
            spilled.delete();
        }
    }
}
