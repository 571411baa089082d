package io.tributary.thumbnail.render;

import java.util.Optional;

/** What became of a keyframe: pictures, or the reason there are none. */
public sealed interface Rendering permits Rendering.Rendered, Rendering.Rejected {

    /** @param small the second, small picture when one is configured */
    record Rendered(Picture picture, Optional<Picture> small) implements Rendering {
    }

    /** @param detail for the log line: what the decoder or encoder said, or what was wrong with the picture */
    record Rejected(RejectReason reason, String detail) implements Rendering {
    }
}
