package io.tributary.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: the status page and what it reads. The page, its script and both players are served; the live listing is
 * public and carries nothing but what a viewer sees; archive links need the admin token and are presigned.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class StatusPageIT {

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void servesThePageWithBothPlayers() {
        String page = given().get("/status/").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        for (String script : List.of("/webjars/hls.js/", "/vendor/dashjs/", "status.js")) {
            assertTrue(page.contains(script), "the page loads " + script);
        }
        assertTrue(!page.contains("${"), "the player versions are filled in by the build");
        int start = page.indexOf("/webjars/hls.js/");
        String hls = page.substring(start, page.indexOf('"', start));
        start = page.indexOf("/vendor/dashjs/");
        String dash = page.substring(start, page.indexOf('"', start));
        for (String asset : List.of(hls, dash, "/status/status.js", "/status/status.css")) {
            given().get(asset).then().statusCode(200);
        }
    }

    @Test
    void listsLiveChannelsWithoutTheAdminTokenAndWithoutIngestDetails() {
        String channel = Api.uniqueChannel("status");
        Events.started(channel, "s-status-1");
        JsonPath live = awaitListed(channel);

        String prefix = "channels.find { it.channel == '" + channel + "' }.";
        assertEquals("s-status-1", live.getString(prefix + "sessionId"));
        assertEquals("http://127.0.0.1:9000/tributary/live/" + channel + "/master.m3u8", live.getString(prefix + "hls"));
        assertEquals("http://127.0.0.1:9000/tributary/thumbnails/" + channel + "/latest.jpg",
                live.getString(prefix + "thumbnail"));
        String body = live.prettify();
        assertTrue(!body.contains("ingest-test") && !body.contains("\"app\""), "no ingest details: " + body);
        Events.stopped(channel, "s-status-1");
    }

    @Test
    void archivesNeedTheAdminTokenAndComeWithPresignedShortLivedLinks() {
        given().get("/v1/archives").then().statusCode(401);

        String channel = Api.uniqueChannel("archived");
        Events.archiveReady(channel, "s-old", Instant.now().minusSeconds(60));
        Events.archiveReady(channel, "s-new", Instant.now());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonPath listing;
        do {
            listing = Api.admin().get("/v1/archives").then().statusCode(200).header("Cache-Control",
                    containsString("no-store")).extract().jsonPath();
        } while (!listing.getList("archives.sessionId").contains("s-old") && Instant.now().isBefore(deadline));

        List<String> sessions = listing.getList("archives.findAll { it.channel == '" + channel + "' }.sessionId");
        assertEquals(List.of("s-new", "s-old"), sessions, "newest first");
        String url = listing.getString("archives.find { it.sessionId == 's-new' }.url");
        assertTrue(url.startsWith("http://127.0.0.1:9000/tributary/archive/" + channel + "/s-new.mp4?"), url);
        assertTrue(url.contains("X-Amz-Signature=") && url.contains("X-Amz-Expires=900"), url);
    }

    @Test
    void theLiveListingNeverCarriesKeyMaterial() {
        given().get("/status/live").then().statusCode(200)
                .body("channels.collect { it.keySet() }.flatten()", not(hasItem("key")))
                .body(not(containsString(Api.DEMO_KEY)))
                .header("Cache-Control", containsString("no-store"));
    }

    private static JsonPath awaitListed(String channel) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonPath live;
        do {
            live = given().get("/status/live").then().statusCode(200).extract().jsonPath();
        } while (!live.getList("channels.channel").contains(channel) && Instant.now().isBefore(deadline));
        assertTrue(live.getList("channels.channel").contains(channel), channel + " never listed: " + live.prettify());
        return live;
    }
}
