package io.tributary.archive.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.archive.assemble.ArchiveFragmenter;
import io.tributary.archive.assemble.OpenFragment;
import io.tributary.archive.assemble.PieceSamples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A held piece's samples set aside in a file, and what happens when that file is not what was written. */
class SpilledFragmentTest {
    private static final PieceSamples GOP = PieceSamples.read(FlvGops.of(0));
    private static final ArchiveFragmenter FRAGMENTER = ArchiveFragmenter.forFirstPiece(GOP);
    private static final OpenFragment OPEN = FRAGMENTER.open(GOP);

    @TempDir
    Path work;

    @Test
    void writesNothingWhenTheFileSetAsideIsGone() throws Exception {
        SpilledFragment spilled = SpilledFragment.write(OPEN, work.resolve("gop.mdat"));
        Files.delete(spilled.media());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThrows(SpilledFragment.MediaLostException.class,
                () -> spilled.writeTo(FRAGMENTER.fragment(1, spilled.open(), null), out));
        assertEquals(0, out.size(), "nothing written: the piece can be read again instead");
    }

    @Test
    void writesNothingWhenTheFileSetAsideIsShort() throws Exception {
        SpilledFragment spilled = SpilledFragment.write(OPEN, work.resolve("gop.mdat"));
        Files.write(spilled.media(), new byte[(int) OPEN.mediaBytes() - 1]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThrows(SpilledFragment.MediaLostException.class,
                () -> spilled.writeTo(FRAGMENTER.fragment(1, spilled.open(), null), out));
        assertEquals(0, out.size());
    }

    @Test
    void aWriteThatFailsTellsItsOwnFailureWhenItsFileCannotBeRemovedEither() throws Exception {
        // review of 4ef47da: the failure to remove the file hid the write's. A directory that is not empty where
        // the file goes: it cannot be written, nor removed
        Path inTheWay = work.resolve("gop.mdat");
        Files.createDirectories(inTheWay.resolve("something"));

        IOException e = assertThrows(IOException.class, () -> SpilledFragment.write(OPEN, inTheWay));

        assertFalse(e instanceof DirectoryNotEmptyException, "the write's failure, not the removal's: " + e);
        assertEquals(1, e.getSuppressed().length);
        assertTrue(e.getSuppressed()[0] instanceof DirectoryNotEmptyException);
    }
}
