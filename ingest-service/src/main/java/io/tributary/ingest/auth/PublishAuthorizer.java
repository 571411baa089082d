package io.tributary.ingest.auth;

import java.util.concurrent.CompletionStage;

/**
 * Decides whether a publisher may go live. Asynchronous and bounded in time: the answer (never an exceptional
 * completion) comes within the configured timeout, a refusal when the decision cannot be had (fail closed).
 */
public interface PublishAuthorizer {

    /**
     * Call from the publisher's event loop: the answer completes there.
     */
    CompletionStage<PublishDecision> decide(PublishRequest request);
}
