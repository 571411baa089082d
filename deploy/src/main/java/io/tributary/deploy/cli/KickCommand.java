package io.tributary.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code kick CHANNEL}: ends the channel's live session at the ingest ({@code DELETE /v1/sessions/{channel}}). The
 * encoder may reconnect with the same key; revoking the key is what keeps it off.
 */
final class KickCommand {

    private KickCommand() {
    }

    static int kick(CliContext context) {
        String channel = context.positional(0);
        JsonNode ended = context.ingest().delete(ApiClient.path("v1", "sessions", channel));
        if (context.json()) {
            context.printJson(ended.isMissingNode() ? context.newObject().put("channel", channel) : ended);
            return 0;
        }
        String session = ended.path("sessionId").asText("");
        String from = ended.path("remoteAddress").asText("");
        context.print("Ended the live session " + (session.isEmpty() ? "" : session + " ") + "of channel " + channel
                + (from.isEmpty() ? "" : " (publisher " + from + ")") + ".\n"
                + "The encoder may reconnect with the same key; to keep it off, revoke the key: "
                + "./tributary keys " + channel + ", then ./tributary key revoke " + channel + " KEYID");
        return 0;
    }
}
