package io.tributary.thumbnail.consume;

import io.tributary.kafka.consume.ConsumerLoopLiveness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Liveness;

/** {@link ConsumerLoopLiveness} of this service's {@link GopConsumer}. */
@Liveness
@ApplicationScoped
public class ConsumerLiveness extends ConsumerLoopLiveness {
    @Inject
    GopConsumer consumer;

    @Override
    protected boolean consuming() {
        return consumer.consuming();
    }
}
