package io.tributary.thumbnail.render;

/** Why a keyframe gives no picture, thrown out of the native steps and turned into {@link Rendering.Rejected}. */
final class RenderFailure extends Exception {
    private final RejectReason reason;

    RenderFailure(RejectReason reason, String detail) {
        super(detail, null, false, false); // an expected outcome: no stack trace to fill
        this.reason = reason;
    }

    Rendering.Rejected rejected() {
        return new Rendering.Rejected(reason, getMessage());
    }
}
