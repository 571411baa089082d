package io.tributary.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code channels}, {@code channel create NAME}, {@code channel delete NAME}: auth-service's {@code /v1/channels}. */
final class ChannelCommands {

    private ChannelCommands() {
    }

    static int list(CliContext context) {
        JsonNode body = context.auth().get("/v1/channels");
        if (context.json()) {
            context.printJson(body);
            return 0;
        }
        TextTable table = new TextTable("NAME", "CREATED", "KEYS", "LIVE");
        for (JsonNode channel : body.path("channels")) {
            table.row(channel.path("name").asText(), InstantText.of(channel.path("createdAt")),
                    channel.path("keys").asText(), channel.path("live").asBoolean() ? "live" : "");
        }
        context.print(table.isEmpty() ? "No channels. Make one with ./tributary channel create NAME" : table.render());
        return 0;
    }

    static int create(CliContext context) {
        String name = context.positional(0);
        ObjectNode request = context.newObject().put("name", name);
        JsonNode created = context.auth().post("/v1/channels", request);
        if (context.json()) {
            context.printJson(created);
            return 0;
        }
        context.print("Created channel " + created.path("name").asText(name) + ".\n"
                + "Give it a stream key: ./tributary key create " + name);
        return 0;
    }

    static int delete(CliContext context) {
        String name = context.positional(0);
        context.auth().delete(ApiClient.path("v1", "channels", name));
        if (context.json()) {
            context.printJson(context.newObject().put("channel", name).put("deleted", true));
            return 0;
        }
        context.print("Deleted channel " + name + " and its keys (a live session on it is ended).");
        return 0;
    }
}
