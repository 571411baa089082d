package io.tributary.archive;

import io.tributary.archive.store.ArchiveStore;
import io.tributary.storage.S3Settings;
import io.tributary.testsupport.s3.EmbeddedS3;
import io.tributary.testsupport.s3.SharedS3;

/** The archive's store on the tests' one S3 server ({@link SharedS3}), its bucket there. */
public final class SharedArchiveStore {
    private SharedArchiveStore() {
    }

    public static ArchiveStore open() {
        EmbeddedS3 s3 = SharedS3.instance();
        ArchiveStore store = new ArchiveStore(new S3Settings(s3.endpoint(), s3.accessKey(), s3.secretKey(),
                SharedS3.BUCKET, EmbeddedS3.REGION));
        store.ensureBucket();
        return store;
    }
}
