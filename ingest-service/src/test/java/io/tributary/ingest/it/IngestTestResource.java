package io.tributary.ingest.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tributary.kafka.TopicCatalog;
import io.tributary.kafka.TopicProvisioner;
import io.tributary.media.event.Topics;
import io.tributary.testsupport.LoopbackPorts;
import io.tributary.testsupport.TempDirs;
import io.tributary.testsupport.kafka.SharedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ingest under test, wired to its neighbours: free RTMP and RTMPS ports on 127.0.0.1, the {@link StandInAuth},
 * a self-signed RTMPS keystore made on start, short deadlines so hostile-peer tests finish quickly, and the
 * {@code stream-key-revoked} topic (auth-service's) created on the shared broker before the ingest starts, so the
 * revocation listener is reading it from the first moment.
 *
 * <p>Used with {@code @WithTestResource} next to {@code KafkaTestResource}: every integration test class with the
 * same pair shares one running application.
 */
public class IngestTestResource implements QuarkusTestResourceLifecycleManager {

    static final String ADMIN_TOKEN = "ingest-admin-token-0123456789";

    private StandInAuth auth;
    private Path dir;

    @Override
    public Map<String, String> start() {
        auth = new StandInAuth().start();
        dir = TempDirs.create("tributary-ingest-it-");
        int[] ports = LoopbackPorts.pickFree(2);
        Map<String, String> config = new HashMap<>();
        config.put("tributary.ingest.rtmp-port", Integer.toString(ports[0]));
        config.put("tributary.ingest.rtmps-port", Integer.toString(ports[1]));
        config.put("tributary.ingest.rtmp-host", "127.0.0.1");
        config.put("tributary.ingest.event-loops", "2");
        config.put("tributary.ingest.auth-url", "http://127.0.0.1:" + auth.port());
        config.put("tributary.ingest.auth-token", StandInAuth.TOKEN);
        config.put("tributary.ingest.auth-timeout", "2s");
        config.put("tributary.ingest.admin-token", ADMIN_TOKEN);
        config.put("tributary.ingest.tls.keystore-path", dir.resolve("rtmps.p12").toString());
        config.put("tributary.ingest.tls.generate-self-signed", "true");
        config.put("tributary.ingest.rtmp.handshake-timeout", "3s");
        config.put("tributary.ingest.rtmp.publish-timeout", "6s");
        config.put("tributary.ingest.session.idle-timeout", "4s");
        config.put("tributary.ingest.session.bitrate-window", "2s");
        // every test connection comes from 127.0.0.1
        config.put("tributary.ingest.connections.max-per-ip", "200");
        config.putAll(kafka());
        return config;
    }

    /** The Kafka side: the shared broker, with auth-service's revocation topic in place. */
    protected Map<String, String> kafka() {
        String bootstrap = SharedKafka.bootstrapServers();
        TopicProvisioner.ensure(bootstrap, TopicCatalog.specs(List.of(Topics.STREAM_KEY_REVOKED), 2, (short) 1),
                Duration.ofSeconds(60));
        return Map.of();
    }

    @Override
    public void stop() {
        if (auth != null) {
            auth.close();
        }
        if (dir != null) {
            TempDirs.delete(dir);
        }
    }
}
