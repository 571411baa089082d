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
 * The file-system store with every upload written to its file in whole buffers, never in the pieces the network
 * hands over.
 *
 * <p>Why: the store copies a request body to its file with {@code InputStream.transferTo}, one {@code write} per
 * {@code read}, and a read of the request returns whatever the socket holds (any size). A write that starts or ends
 * inside a page the file does not have yet makes the kernel zero the rest of that page first (ext4's
 * {@code zero_user_segments}), and the next write copies over the zeros: in a {@code perf} profile of the local stack
 * at 48 streams that zeroing was a third of the S3 server's file-write time (bench/load, session 12). Reads that
 * fill the 8 KiB buffer make every write but an object's last cover whole pages.
 */
final class PageAlignedWrites extends ForwardingBlobStore {

    PageAlignedWrites(BlobStore store) {
        super(store);
    }

    @Override
    public String putBlob(String container, Blob blob) {
        return super.putBlob(container, withWholeReads(blob));
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        return super.putBlob(container, withWholeReads(blob), options);
    }

    @Override
    public MultipartPart uploadMultipartPart(MultipartUpload upload, int partNumber, Payload payload) {
        return super.uploadMultipartPart(upload, partNumber, wholeReads(payload));
    }

    /**
     * A new blob with the same metadata: {@code setPayload} on the blob the server made would release (close) the
     * request's stream being wrapped.
     */
    private static Blob withWholeReads(Blob blob) {
        if (blob.getPayload() == null) {
            return blob;
        }
        Blob whole = new BlobImpl(blob.getMetadata());
        whole.setPayload(wholeReads(blob.getPayload()));
        return whole;
    }

    /** The same bytes and content metadata (type, length, MD5, cache control), read in whole buffers. */
    private static Payload wholeReads(Payload payload) {
        InputStream in;
        try {
            in = payload.openStream();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open an upload's body", e);
        }
        Payload whole = Payloads.newInputStreamPayload(new WholeReads(in));
        whole.setContentMetadata(payload.getContentMetadata());
        return whole;
    }

    /** A stream whose reads return as many bytes as asked for, fewer only at its end. */
    static final class WholeReads extends FilterInputStream {
        WholeReads(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.readNBytes(buffer, offset, length);
            return n == 0 && length > 0 ? -1 : n;
        }
    }
}
