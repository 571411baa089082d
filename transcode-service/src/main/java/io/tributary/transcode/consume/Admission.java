package io.tributary.transcode.consume;

import io.tributary.transcode.manifest.live.Boundary;

/**
 * Whether a record is packaged, and if so what boundary precedes it; if not, why (a metric's reason).
 */
record Admission(boolean packaged, Boundary boundary, String skipReason, String detail) {

    static Admission take(Boundary boundary, String detail) {
        return new Admission(true, boundary, null, detail);
    }

    static Admission skip(String reason, String detail) {
        return new Admission(false, Boundary.NONE, reason, detail);
    }
}
