package io.tributary.auth.key;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a key can publish now. */
public enum KeyStatus {
    ACTIVE("active"), REVOKED("revoked"), EXPIRED("expired");

    private final String wireName;

    KeyStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
