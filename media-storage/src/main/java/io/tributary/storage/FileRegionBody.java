package io.tributary.storage;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * {@code length} bytes of a file from {@code offset}, sent as a request body straight from the file: a part of a
 * multipart upload, or the whole file. Repeatable (each write opens the file again), as OkHttp may need it to be.
 */
final class FileRegionBody extends RequestBody {
    private final Path file;
    private final long offset;
    private final long length;

    FileRegionBody(Path file, long offset, long length) {
        this.file = file;
        this.offset = offset;
        this.length = length;
    }

    /** None: the request's Content-Type header, which the signature covers, stays as the caller set it. */
    @Override
    public MediaType contentType() {
        return null;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(offset);
            try (Source source = Okio.source(Channels.newInputStream(channel))) {
                sink.write(source, length);
            }
        }
    }
}
