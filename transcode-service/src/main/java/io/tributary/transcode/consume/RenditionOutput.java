package io.tributary.transcode.consume;

import io.tributary.storage.StoredObject;
import io.tributary.transcode.manifest.live.RenditionSegment;

/**
 * One rendition's output for one GOP: the manifest entry, the media segment object and the init segment object it
 * needs (stored whenever the rendition's init segment differs from the one it had: it is content-named, so storing it
 * again is harmless).
 */
record RenditionOutput(RenditionSegment entry, StoredObject segment, StoredObject init) {

    String rendition() {
        return entry.rendition();
    }
}
