package io.tributary.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;

/** {@code live}: the sessions on air, from auth-service's live directory ({@code GET /v1/live}). */
final class LiveCommand {

    private LiveCommand() {
    }

    static int list(CliContext context) {
        JsonNode body = context.auth().get("/v1/live");
        if (context.json()) {
            context.printJson(body);
            return 0;
        }
        Instant now = context.clock().instant();
        TextTable table = new TextTable("CHANNEL", "SESSION", "SINCE", "FOR", "VIDEO", "AUDIO", "HLS");
        for (JsonNode session : body.path("sessions")) {
            table.row(session.path("channel").asText(), session.path("sessionId").asText(),
                    InstantText.of(session.path("since")), InstantText.age(session.path("since"), now),
                    video(session.path("video")), audio(session.path("audio")),
                    session.path("playbackUrls").path("hls").asText(""));
        }
        context.print(table.isEmpty() ? "Nothing is live." : table.render());
        return 0;
    }

    /** {@code avc1.64001e 640x360 30fps}. */
    static String video(JsonNode video) {
        if (!video.isObject()) {
            return null;
        }
        StringBuilder text = new StringBuilder(video.path("codec").asText("?"));
        if (video.path("width").isNumber() && video.path("height").isNumber()) {
            text.append(' ').append(video.path("width").asInt()).append('x').append(video.path("height").asInt());
        }
        if (video.path("frameRate").isNumber() && video.path("frameRate").asDouble() > 0) {
            double rate = video.path("frameRate").asDouble();
            text.append(' ').append(rate == Math.rint(rate) ? String.valueOf((long) rate)
                    : String.format(Locale.ROOT, "%.2f", rate)).append("fps");
        }
        return text.toString();
    }

    /** {@code mp4a.40.2 48kHz 2ch}. */
    static String audio(JsonNode audio) {
        if (!audio.isObject()) {
            return null;
        }
        StringBuilder text = new StringBuilder(audio.path("codec").asText("?"));
        if (audio.path("sampleRate").isNumber()) {
            int rate = audio.path("sampleRate").asInt();
            text.append(' ').append(rate % 1000 == 0 ? rate / 1000 + "kHz"
                    : String.format(Locale.ROOT, "%.1fkHz", rate / 1000.0));
        }
        if (audio.path("channels").isNumber()) {
            text.append(' ').append(audio.path("channels").asInt()).append("ch");
        }
        return text.toString();
    }
}
