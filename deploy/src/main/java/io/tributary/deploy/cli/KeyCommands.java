package io.tributary.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stream keys of a channel: {@code keys CHANNEL}, {@code key create|revoke|rotate}. auth-service shows a key once,
 * in the answer to its creation or rotation; so do these commands, and never anywhere else.
 */
final class KeyCommands {

    static final String LABEL = "--label";
    static final String EXPIRES_IN = "--expires-in";
    static final String ALLOW = "--allow";
    static final String MAX_BITRATE = "--max-bitrate";
    static final String GRACE = "--grace";

    private KeyCommands() {
    }

    static int list(CliContext context) {
        String channel = context.positional(0);
        JsonNode body = context.auth().get(ApiClient.path("v1", "channels", channel, "keys"));
        if (context.json()) {
            context.printJson(body);
            return 0;
        }
        TextTable table = new TextTable("ID", "LABEL", "STATUS", "CREATED", "EXPIRES", "LAST USED", "ALLOWED FROM");
        for (JsonNode key : body.path("keys")) {
            table.row(key.path("id").asText(), key.path("label").asText(""), key.path("status").asText(),
                    InstantText.of(key.path("createdAt")), InstantText.of(key.path("expiresAt")),
                    InstantText.of(key.path("lastUsedAt")), allowedFrom(key.path("allowedCidrs")));
        }
        context.print(table.isEmpty()
                ? "Channel " + channel + " has no keys. Make one with ./tributary key create " + channel
                : table.render());
        return 0;
    }

    static int create(CliContext context) {
        String channel = context.positional(0);
        CliArguments arguments = context.arguments();
        ObjectNode request = context.newObject();
        arguments.value(LABEL).ifPresent(label -> request.put("label", label));
        arguments.value(EXPIRES_IN).ifPresent(text -> {
            Duration lifetime = DurationText.parse(EXPIRES_IN, text);
            request.put("expiresAt", context.clock().instant().truncatedTo(ChronoUnit.SECONDS).plus(lifetime)
                    .toString());
        });
        if (!arguments.values(ALLOW).isEmpty()) {
            ArrayNode cidrs = request.putArray("allowedCidrs");
            arguments.values(ALLOW).forEach(cidrs::add);
        }
        arguments.value(MAX_BITRATE).ifPresent(text -> request.put("maxBitrateKbps", positiveInt(MAX_BITRATE, text)));
        JsonNode created = context.auth().post(ApiClient.path("v1", "channels", channel, "keys"), request);
        if (context.json()) {
            context.printJson(created);
            return 0;
        }
        context.print("Created key " + created.path("id").asText() + " for channel " + channel + describe(created)
                + ".\n" + shownOnce(context, created));
        return 0;
    }

    static int revoke(CliContext context) {
        String channel = context.positional(0);
        String id = context.positional(1);
        JsonNode revoked = context.auth().post(ApiClient.path("v1", "channels", channel, "keys", id, "revoke"), null);
        if (context.json()) {
            context.printJson(revoked);
            return 0;
        }
        context.print("Revoked key " + id + " of channel " + channel + " (status " + revoked.path("status").asText()
                + "); a live session running on it, if any, is ended.");
        return 0;
    }

    static int rotate(CliContext context) {
        String channel = context.positional(0);
        String id = context.positional(1);
        Optional<Duration> grace = context.arguments().value(GRACE).map(text -> DurationText.parse(GRACE, text));
        ObjectNode request = null;
        if (grace.isPresent()) {
            request = context.newObject().put("graceSeconds", grace.get().toSeconds());
        }
        JsonNode created = context.auth().post(ApiClient.path("v1", "channels", channel, "keys", id, "rotate"),
                request);
        if (context.json()) {
            context.printJson(created);
            return 0;
        }
        String old = grace.map(g -> "the old key " + id + " keeps working for " + DurationText.format(g))
                .orElse("the old key " + id + " is revoked");
        context.print("Rotated: new key " + created.path("id").asText() + " for channel " + channel + "; " + old
                + ".\n" + shownOnce(context, created));
        return 0;
    }

    /** The secret with how to use it; it cannot be shown again. */
    private static String shownOnce(CliContext context, JsonNode created) {
        String key = created.path("key").asText();
        StringBuilder text = new StringBuilder();
        text.append("Stream key (shown this once; auth-service keeps only its hash):\n\n  ").append(key).append("\n\n");
        Optional<String> rtmp = context.endpoints().rtmpUrl();
        if (rtmp.isPresent()) {
            text.append("OBS: server ").append(rtmp.get()).append(", stream key as above\n");
            text.append("ffmpeg: ffmpeg -re -i clip.mp4 -c copy -f flv ").append(rtmp.get()).append('/').append(key)
                    .append('\n');
        }
        return text.toString();
    }

    private static String describe(JsonNode key) {
        List<String> facts = new ArrayList<>();
        if (key.path("label").isTextual()) {
            facts.add("label \"" + key.path("label").asText() + "\"");
        }
        if (key.path("expiresAt").isTextual()) {
            facts.add("expires " + InstantText.of(key.path("expiresAt")));
        }
        if (key.path("allowedCidrs").size() > 0) {
            facts.add("allowed from " + allowedFrom(key.path("allowedCidrs")));
        }
        if (key.path("maxBitrateKbps").isNumber()) {
            facts.add("at most " + key.path("maxBitrateKbps").asInt() + " kb/s");
        }
        return facts.isEmpty() ? "" : " (" + String.join(", ", facts) + ")";
    }

    private static String allowedFrom(JsonNode cidrs) {
        if (cidrs.size() == 0) {
            return "anywhere";
        }
        List<String> ranges = new ArrayList<>();
        cidrs.forEach(cidr -> ranges.add(cidr.asText()));
        return String.join(",", ranges);
    }

    private static int positiveInt(String option, String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CliException.usage(option + " must be a positive whole number, not '" + text + "'");
    }
}
