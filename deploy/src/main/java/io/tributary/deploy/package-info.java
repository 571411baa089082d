/**
 * The local stack behind {@code ./tributary up}: Kafka, the S3 server and the five services as child processes of
 * one launcher ({@link io.tributary.deploy.LocalStack}), with prefixed output, logs and data under
 * {@code .tributary/}, and the facts of the running stack in {@code .tributary/stack.json}.
 */
package io.tributary.deploy;
