package io.tributary.testsupport.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.domain.internal.BlobImpl;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.io.Payload;
import org.jclouds.io.Payloads;

/**
 * The file-system store with each PUT's and each part's body written to its file in whole buffers, never in the
 * pieces the network hands over.
 *
 * <p>Why: the store copies a request body to its file with {@code InputStream.transferTo}, one {@code write} per
 * {@code read}, and a read of the request returns whatever the socket holds (any size). A write that does not cover
 * a whole page the file does not have yet makes the kernel zero the part it does not cover first (ext4's
 * {@code zero_user_segments}), and the next write copies over the zeros: in a {@code perf} profile of the local stack
 * at 48 streams that zeroing was about a fifth of the S3 server's file-write time (bench/load, session 12). Reads that
 * fill the 8 KiB buffer of Java 17's {@code transferTo} make every write but a body's last cover whole pages.
 *
 * <p>Not covered: the object a multipart completion writes. The store concatenates the parts itself
 * ({@code completeMultipartUpload} calls its own {@code putBlob}, not this one's), and its stream returns a short
 * read at the end of each part, so from the second part on those writes end inside a page.
 */
final class WholeBufferBlobStore extends ForwardingBlobStore {

    WholeBufferBlobStore(BlobStore store) {
        super(store);
    }

    @Override
    public String putBlob(String container, Blob blob) {
        return super.putBlob(container, withFillingReads(blob));
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        return super.putBlob(container, withFillingReads(blob), options);
    }

    @Override
    public MultipartPart uploadMultipartPart(MultipartUpload upload, int partNumber, Payload payload) {
        return super.uploadMultipartPart(upload, partNumber, fillingReads(payload));
    }

    /**
     * A new blob with the same metadata (the same object: content type, length, MD5, user metadata, tier): calling
     * {@code setPayload} on the blob the server made would release, i.e. close, the request's stream being wrapped.
     */
    private static Blob withFillingReads(Blob blob) {
        if (blob.getPayload() == null) {
            return blob;
        }
        Blob whole = new BlobImpl(blob.getMetadata());
        whole.setPayload(fillingReads(blob.getPayload()));
        return whole;
    }

    /** The same bytes and content metadata (type, length, MD5, cache control), read in whole buffers. */
    private static Payload fillingReads(Payload payload) {
        InputStream in;
        try {
            in = payload.openStream();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open an upload's body", e);
        }
        Payload whole = Payloads.newInputStreamPayload(new FillingInputStream(in));
        whole.setContentMetadata(payload.getContentMetadata());
        return whole;
    }

    /** A stream whose reads return as many bytes as asked for, fewer only at its end. */
    static final class FillingInputStream extends FilterInputStream {
        FillingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.readNBytes(buffer, offset, length);
            return n == 0 && length > 0 ? -1 : n;
        }
    }
}
