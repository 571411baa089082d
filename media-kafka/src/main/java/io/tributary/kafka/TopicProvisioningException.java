package io.tributary.kafka;

/** Topics could not be made sure of: the cluster did not answer in time, or refused a topic. */
public final class TopicProvisioningException extends RuntimeException {
    public TopicProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
