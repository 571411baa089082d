package io.tributary.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Asks every service of a running stack whether it is live ({@code /q/health/live}), as Kubernetes' liveness probe
 * does, and reports one that answered DOWN twice in a row: a worker whose consumer loop died (its thread out of heap,
 * say) stays up consuming nothing, and only its liveness says so. A service that does not answer at all is not
 * reported here: it is busy, or it exited, which the launcher sees by itself.
 */
final class LivenessWatch {
    static final Duration INTERVAL = Duration.ofSeconds(10);
    /** Answers DOWN in a row before a service is reported: one may come from a check caught mid-restart of a loop. */
    static final int DOWN_ANSWERS = 2;

    private final Map<String, URI> services;
    private final Duration interval;
    private final BiConsumer<String, String> onDown;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Integer> downInARow = new HashMap<>();
    private final Thread thread;

    /**
     * @param services service name → its base URL
     * @param interval between two rounds of questions ({@link #INTERVAL})
     * @param onDown   told once, with the service's name and its last answer, when it is reported
     */
    LivenessWatch(Map<String, String> services, Duration interval, BiConsumer<String, String> onDown) {
        this.interval = interval;
        this.services = new HashMap<>();
        services.forEach((name, url) -> this.services.put(name, URI.create(url + "/q/health/live")));
        this.onDown = onDown;
        this.thread = new Thread(this::run, "tributary-liveness");
        this.thread.setDaemon(true);
    }

    LivenessWatch start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            while (true) {
                Thread.sleep(interval.toMillis());
                for (Map.Entry<String, URI> service : services.entrySet()) {
                    if (checkOnce(service.getKey(), service.getValue())) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once a service was reported (the watch then ends: the stack is stopping). */
    private boolean checkOnce(String name, URI uri) throws InterruptedException {
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return false;
        }
        if (!HealthWait.isDown(answer)) {
            downInARow.remove(name);
            return false;
        }
        int down = downInARow.merge(name, 1, Integer::sum);
        if (down < DOWN_ANSWERS) {
            return false;
        }
        onDown.accept(name, answer.body().replaceAll("\\s+", " "));
        return true;
    }

}
