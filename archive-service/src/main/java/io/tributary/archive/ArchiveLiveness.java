package io.tributary.archive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: DOWN once the stream-gops consumer loop ended by itself (an error on its thread, such as running out of
 * heap): the instance would stay up consuming nothing while the group still counted it as its partitions' owner.
 * The platform's liveness probe ({@code /q/health/live}) then restarts it, and its partitions go to a live one.
 */
@Liveness
@ApplicationScoped
public class ArchiveLiveness implements HealthCheck {
    private final ArchiveService service;

    @Inject
    public ArchiveLiveness(ArchiveService service) {
        this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("stream-gops consumer").status(service.consuming()).build();
    }
}
