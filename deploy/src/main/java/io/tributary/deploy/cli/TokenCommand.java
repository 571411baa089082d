package io.tributary.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code token CHANNEL [--ttl 1h]}: mints a signed, expiring publish token ({@code POST /v1/tokens}); the publisher
 * puts it in the query of the RTMP URL ({@code rtmp://host/live/CHANNEL?token=...}) instead of a stream key.
 */
final class TokenCommand {

    static final String TTL = "--ttl";

    private TokenCommand() {
    }

    static int mint(CliContext context) {
        String channel = context.positional(0);
        ObjectNode request = context.newObject().put("channel", channel);
        Optional<Duration> ttl = context.arguments().value(TTL).map(text -> DurationText.parse(TTL, text));
        ttl.ifPresent(lifetime -> request.put("ttlSeconds", lifetime.toSeconds()));
        JsonNode minted = context.auth().post("/v1/tokens", request);
        if (context.json()) {
            context.printJson(minted);
            return 0;
        }
        String token = minted.path("token").asText();
        StringBuilder text = new StringBuilder();
        text.append("Publish token for channel ").append(channel).append(", valid until ")
                .append(InstantText.of(minted.path("expiresAt"))).append(":\n\n  ").append(token).append("\n\n");
        context.endpoints().rtmpUrl().ifPresent(rtmp -> text.append("Publish to ").append(rtmp).append('/')
                .append(channel).append("?token=").append(token).append('\n'));
        context.print(text.toString());
        return 0;
    }
}
