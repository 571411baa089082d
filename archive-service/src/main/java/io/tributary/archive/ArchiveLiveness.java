package io.tributary.archive;

import io.tributary.kafka.consume.ConsumerLoopLiveness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Liveness;

/** {@link ConsumerLoopLiveness} of this service's {@link ArchiveService}. */
@Liveness
@ApplicationScoped
public class ArchiveLiveness extends ConsumerLoopLiveness {
    @Inject
    ArchiveService service;

    @Override
    protected boolean consuming() {
        return service.consuming();
    }
}
