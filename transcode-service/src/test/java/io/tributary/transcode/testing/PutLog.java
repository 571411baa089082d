package io.tributary.transcode.testing;

import io.tributary.storage.StoredObject;
import io.tributary.transcode.store.ChannelObjects;
import io.tributary.transcode.store.PendingUploads;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The real bucket ({@link HandWiredTranscoder#objectStore()}), with a log of every PUT a worker makes, in order: which
 * keys it wrote and with what text, so that a test sees every version of an object, not only the last.
 */
public final class PutLog extends ChannelObjects {
    private final List<StoredObject> puts = Collections.synchronizedList(new ArrayList<>());

    public PutLog() {
        super(HandWiredTranscoder.objectStore(), 8);
    }

    /** Every round, early segments' too, waited for here: logged once stored, when a reader could have seen it. */
    @Override
    public PendingUploads startAll(List<StoredObject> objects) throws InterruptedException {
        super.startAll(objects).await();
        puts.addAll(objects);
        return PendingUploads.NONE;
    }

    /** How many times the key was written. */
    public long count(String key) {
        return texts(key).size();
    }

    /** Every text written to the key, in the order the writes completed. */
    public List<String> texts(String key) {
        synchronized (puts) {
            return puts.stream().filter(o -> o.key().equals(key))
                    .map(o -> new String(o.bytes(), StandardCharsets.UTF_8)).toList();
        }
    }

    /** Every key written whose name ends so. */
    public List<String> keysEndingWith(String suffix) {
        synchronized (puts) {
            return puts.stream().map(StoredObject::key).filter(k -> k.endsWith(suffix)).toList();
        }
    }
}
