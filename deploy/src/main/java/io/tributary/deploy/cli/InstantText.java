package io.tributary.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Times of the APIs (ISO-8601 instants) as the tables show them: to the second, and as an age. */
final class InstantText {

    private InstantText() {
    }

    /** {@code 2026-11-27T00:10:14Z}; null when absent; the text as given when it is not an instant. */
    static String of(JsonNode node) {
        return node.isTextual() ? of(node.asText()) : null;
    }

    static String of(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    /** {@code 1m12s}: how long ago the instant was; null when absent or not an instant. */
    static String age(JsonNode node, Instant now) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return DurationText.format(Duration.between(Instant.parse(node.asText()), now));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
