package io.tributary.archive.assemble;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of a live session joined so far, in one local FLV file: each GOP is appended once it can no longer be
 * continued, so the end of a session only appends its last piece instead of reading hundreds of them again. Local
 * and disposable: after a restart the session is joined from object storage instead.
 */
public final class JoinedFlv implements AutoCloseable {
    private static final int WRITE_BUFFER = 1 << 20;

    private final Path file;
    private final OutputStream out;
    private final PieceConcatenator concatenator;
    private final List<SeqRange> appended = new ArrayList<>();
    private boolean finished;

    /** The records a piece was made from. */
    public record SeqRange(long firstSeq, long lastSeq) {
    }

    private JoinedFlv(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), WRITE_BUFFER);
        this.concatenator = new PieceConcatenator(out);
    }

    /** Starts an empty join in {@code file} (replacing whatever was there). */
    public static JoinedFlv create(Path file) throws IOException {
        return new JoinedFlv(file);
    }

    /** Appends a piece and flushes it to the file. */
    public void append(SeqRange range, byte[] piece) throws IOException {
        concatenator.append(piece);
        out.flush();
        appended.add(range);
    }

    /** The last sequence number appended, or -1. */
    public long throughSeq() {
        return appended.isEmpty() ? -1 : appended.get(appended.size() - 1).lastSeq();
    }

    /** The pieces appended, in order. */
    public List<SeqRange> appended() {
        return List.copyOf(appended);
    }

    /** Writes out what is buffered and closes the stream; the file is complete. */
    public Path finish() throws IOException {
        if (!finished) {
            finished = true;
            concatenator.close();
        }
        return file;
    }

    /** Closes the stream (if open) and deletes the file. */
    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
