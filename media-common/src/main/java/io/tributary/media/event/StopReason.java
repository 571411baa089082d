package io.tributary.media.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a broadcast ended, written in JSON as its {@link #wireName()}. */
public enum StopReason {
    /** The publisher unpublished or closed its connection. */
    PUBLISHER_CLOSED("publisher-closed"),
    /** No media arrived for too long. */
    TIMEOUT("timeout"),
    /** The stream key was revoked while live. */
    REVOKED("revoked"),
    /** A protocol error or an internal failure ended the session. */
    ERROR("error");

    private final String wireName;

    StopReason(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The reason with this wire name; null for one a newer producer added, so old readers keep working. */
    @JsonCreator
    public static StopReason fromWireName(String wireName) {
        for (StopReason r : values()) {
            if (r.wireName.equals(wireName)) {
                return r;
            }
        }
        return null;
    }
}
