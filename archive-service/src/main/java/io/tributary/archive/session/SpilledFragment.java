package io.tributary.archive.session;

import io.tributary.archive.assemble.ArchiveFragmenter.Fragment;
import io.tributary.archive.assemble.OpenFragment;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A held piece's fragment, opened ({@link OpenFragment}), whose samples' bytes wait in a local file of their own, in
 * the order its {@code mdat} holds them, until the next piece closes it: on the heap stay the sizes, durations and
 * flags its {@code moof} needs (a few dozen bytes a sample), not the GOP's media. The file is written once and read
 * once, seconds later, before it is deleted: it rarely leaves the page cache.
 *
 * @param open  the fragment without its samples' bytes
 * @param media the file holding them
 */
record SpilledFragment(OpenFragment open, Path media) {
    /** Small: a sample of this size or more bypasses it, the buffer only gathers AAC frames and small video frames. */
    private static final int WRITE_BUFFER = 64 << 10;

    /** Writes the samples' bytes of {@code open} to {@code media} (replaced), and keeps the rest. */
    static SpilledFragment write(OpenFragment open, Path media) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(media), WRITE_BUFFER)) {
            open.writeMediaTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(media);
            throw e;
        }
        return new SpilledFragment(open.withoutData(), media);
    }

    /**
     * Writes the fragment, {@link #open} closed now that the next piece is known: its {@code moof} and {@code mdat}
     * header, then the samples' bytes from the file.
     *
     * @return the bytes written
     * @throws IOException when the file does not hold the samples' bytes (nothing is written then)
     */
    long writeTo(Fragment fragment, OutputStream out) throws IOException {
        long mediaBytes = open.mediaBytes();
        if (Files.size(media) != mediaBytes) {
            throw new IOException("the samples set aside in " + media.getFileName() + " weigh " + Files.size(media)
                    + " bytes, not " + mediaBytes);
        }
        byte[] header = fragment.header();
        out.write(header);
        try (InputStream in = Files.newInputStream(media)) {
            if (in.transferTo(out) != mediaBytes) {
                throw new IOException("the samples set aside in " + media.getFileName() + " changed while read");
            }
        }
        return header.length + mediaBytes;
    }

    /** Deletes the file; a file that stays is removed with the spool directory when the service next starts. */
    void delete() throws IOException {
        Files.deleteIfExists(media);
    }
}
