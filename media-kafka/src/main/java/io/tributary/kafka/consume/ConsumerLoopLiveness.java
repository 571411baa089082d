package io.tributary.kafka.consume;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A worker's liveness check: DOWN once its {@link RecordLoop} ended by itself ({@link RecordLoop#consuming}: an error
 * on its thread, such as running out of heap). Such an instance would stay up consuming nothing while the group still
 * counted it as its partitions' owner; the platform's liveness probe ({@code /q/health/live}) restarts it instead, and
 * the local launcher stops the stack. Each service extends it with a {@code @Liveness} bean that knows its loop.
 */
public abstract class ConsumerLoopLiveness implements HealthCheck {
    /** The check's name in {@code /q/health/live}. */
    public static final String NAME = "stream-gops consumer";

    /** True until the service's consumer loop ended by itself (and before it started: start-up has its own checks). */
    protected abstract boolean consuming();

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(consuming()).build();
    }
}
