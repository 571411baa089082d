package io.tributary.deploy.manifests;

import java.util.Map;
import java.util.Set;

/**
 * What a deployment of one Tributary service must honour, as the local stack defines it.
 *
 * @param name         the service's short name: compose service, Deployment and Service name ({@code ingest})
 * @param module       its Maven module ({@code ingest-service})
 * @param httpPort     its HTTP port (health, metrics, APIs)
 * @param edgePorts    ports reached from outside the platform by name ({@code rtmp} 1935...): none but for ingest
 * @param environment  the environment variables the local stack launcher sets for it, by name
 * @param autoscaled   a stream-gops consumer that scales with load (transcode, thumbnail, archive)
 */
public record ExpectedService(String name, String module, int httpPort, Map<String, Integer> edgePorts,
        Set<String> environment, boolean autoscaled, ServiceConfiguration configuration) {

    public ExpectedService {
        edgePorts = Map.copyOf(edgePorts);
        environment = Set.copyOf(environment);
    }
}
