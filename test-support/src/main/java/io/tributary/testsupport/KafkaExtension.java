package io.tributary.testsupport;

import io.tributary.testsupport.kafka.SharedKafka;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(KafkaExtension.class)}: the JVM's shared Kafka broker ({@link SharedKafka}) is up before the
 * class's first test, and a {@code @KafkaBootstrap String} parameter (of a test, a lifecycle method or a constructor)
 * receives its {@code bootstrap.servers}.
 */
public final class KafkaExtension implements BeforeAllCallback, ParameterResolver {
    @Override
    public void beforeAll(ExtensionContext context) {
        SharedKafka.bootstrapServers();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(KafkaBootstrap.class) && parameter.getParameter().getType() == String.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return SharedKafka.bootstrapServers();
    }
}
