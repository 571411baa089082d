package io.tributary.archive.session;

import io.tributary.archive.assemble.ArchiveFragmenter.Fragment;
import io.tributary.archive.assemble.OpenFragment;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
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
    /** Writes the samples' bytes of {@code open} to {@code media} (replaced), and keeps the rest. */
    static SpilledFragment write(OpenFragment open, Path media) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(media),
                FragmentSpool.WRITE_BUFFER)) {
            open.writeMediaTo(out);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(media);
            } catch (IOException notDeleted) {
                e.addSuppressed(notDeleted); // the write's failure is the one to tell
            }
            throw e;
        }
        return new SpilledFragment(open.withoutData(), media);
    }

    /**
     * Writes the fragment, {@link #open} closed now that the next piece is known: its {@code moof} and {@code mdat}
     * header, then the samples' bytes from the file.
     *
     * @return the bytes written
     * @throws MediaLostException when the file is gone, unreadable or not the samples' size: nothing is written, and
     *                            the piece can be read again instead
     * @throws IOException        when writing failed, or the file changed while it was read: part of the fragment
     *                            may be written
     */
    long writeTo(Fragment fragment, OutputStream out) throws IOException {
        long mediaBytes = open.mediaBytes();
        FileChannel channel;
        try {
            channel = FileChannel.open(media);
        } catch (IOException e) {
            throw new MediaLostException("the samples set aside in " + media.getFileName() + " cannot be read: " + e);
        }
        try (channel) {
            long size = channel.size(); // of the file opened: what is read, whatever happens to the name meanwhile
            if (size != mediaBytes) {
                throw new MediaLostException("the samples set aside in " + media.getFileName() + " weigh " + size
                        + " bytes, not " + mediaBytes);
            }
            byte[] header = fragment.header();
            out.write(header);
            if (Channels.newInputStream(channel).transferTo(out) != mediaBytes) {
                throw new IOException("the samples set aside in " + media.getFileName() + " changed while read");
            }
            return header.length + mediaBytes;
        }
    }

    /** Deletes the file; a file that stays is removed with the spool directory when the service next starts. */
    void delete() throws IOException {
        Files.deleteIfExists(media);
    }

    /** The file set aside does not hold the samples' bytes (gone, unreadable, cut short): nothing was written. */
    static final class MediaLostException extends IOException {
        private static final long serialVersionUID = 1L;

        MediaLostException(String message) {
            super(message);
        }
    }
}
