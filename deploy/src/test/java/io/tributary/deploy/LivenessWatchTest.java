package io.tributary.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LivenessWatchTest {

    @Test
    void reportsAServiceThatAnswersDownTwiceInARowAndNoOtherOnce() throws Exception {
        AtomicInteger transcodeAsked = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // transcode: live, then DOWN from its second answer on (its consumer loop died); ingest: DOWN once, then live
        answer(server, "/transcode/q/health/live", n -> n == 1 ? up() : down(), transcodeAsked);
        answer(server, "/ingest/q/health/live", n -> n == 1 ? down() : up(), new AtomicInteger());
        server.start();
        List<String> reported = new CopyOnWriteArrayList<>();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            new LivenessWatch(Map.of("transcode", base + "/transcode", "ingest", base + "/ingest"),
                    Duration.ofMillis(20), (name, answer) -> reported.add(name + " " + answer)).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (reported.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200); // nothing more is reported: the watch ends with its first report
        } finally {
            server.stop(0);
        }
        assertEquals(1, reported.size(), reported.toString());
        assertTrue(reported.get(0).startsWith("transcode "), reported.toString());
        assertTrue(reported.get(0).contains("stream-gops consumer"), reported.toString());
        assertEquals(3, transcodeAsked.get(), "reported at its second DOWN answer");
    }

    private record Answer(int status, String body) {
    }

    private static Answer up() {
        return new Answer(200, "{\"status\": \"UP\", \"checks\": [{\"name\": \"stream-gops consumer\", \"status\": \"UP\"}]}");
    }

    private static Answer down() {
        return new Answer(503, "{\"status\": \"DOWN\", \"checks\": [{\"name\": \"stream-gops consumer\", \"status\": \"DOWN\"}]}");
    }

    private static void answer(HttpServer server, String path, java.util.function.IntFunction<Answer> answers,
                               AtomicInteger asked) {
        server.createContext(path, exchange -> {
            Answer a = answers.apply(asked.incrementAndGet());
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(a.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}
