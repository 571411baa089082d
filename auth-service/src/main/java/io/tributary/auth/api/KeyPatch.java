package io.tributary.auth.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.auth.key.CidrRange;
import io.tributary.auth.key.KeySettings;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@code PATCH /v1/channels/{channel}/keys/{id}} as a JSON Merge Patch (RFC 7396): a field that is absent stays as
 * it is, a field that is {@code null} is cleared ({@code expiresAt: null} = never expires, {@code allowedCidrs: null}
 * = anywhere), a field with a value replaces it.
 */
final class KeyPatch {
    private static final Set<String> FIELDS = Set.of("label", "expiresAt", "allowedCidrs", "maxBitrateKbps");

    private KeyPatch() {
    }

    static KeySettings apply(JsonNode patch, KeySettings current, Instant now) {
        if (patch == null || !patch.isObject()) {
            throw ApiException.invalid("the body must be a JSON object");
        }
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            if (!FIELDS.contains(names.next())) {
                throw ApiException.invalid("unknown field; a key has label, expiresAt, allowedCidrs, maxBitrateKbps");
            }
        }
        String label = current.label();
        Instant expiresAt = current.expiresAt();
        List<CidrRange> cidrs = current.allowedCidrs();
        Integer bitrate = current.maxBitrateKbps();
        if (patch.has("label")) {
            JsonNode v = patch.get("label");
            if (!v.isNull() && !v.isTextual()) {
                throw ApiException.invalid("label must be a string or null");
            }
            label = v.isNull() ? null : v.textValue();
        }
        if (patch.has("expiresAt")) {
            JsonNode v = patch.get("expiresAt");
            expiresAt = v.isNull() ? null : KeyRequests.future(instant(v), now);
        }
        if (patch.has("allowedCidrs")) {
            JsonNode v = patch.get("allowedCidrs");
            cidrs = v.isNull() ? List.of() : KeyRequests.cidrs(strings(v));
        }
        if (patch.has("maxBitrateKbps")) {
            JsonNode v = patch.get("maxBitrateKbps");
            if (!v.isNull() && !(v.isIntegralNumber() && v.canConvertToInt())) {
                throw ApiException.invalid("maxBitrateKbps must be an integer or null");
            }
            bitrate = v.isNull() ? null : v.intValue();
        }
        return new KeySettings(label, expiresAt, cidrs, bitrate);
    }

    private static Instant instant(JsonNode v) {
        if (!v.isTextual()) {
            throw ApiException.invalid("expiresAt must be an ISO-8601 instant such as 2030-01-01T00:00:00Z, or null");
        }
        try {
            return Instant.parse(v.textValue());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("expiresAt must be an ISO-8601 instant such as 2030-01-01T00:00:00Z, or null");
        }
    }

    private static List<String> strings(JsonNode v) {
        if (!v.isArray()) {
            throw ApiException.invalid("allowedCidrs must be an array of strings or null");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw ApiException.invalid("allowedCidrs must be an array of strings or null");
            }
            out.add(e.textValue());
        }
        return out;
    }
}
