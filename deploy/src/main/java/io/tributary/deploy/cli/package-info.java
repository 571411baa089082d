/**
 * The everyday operations of {@code ./tributary} (channels, keys, tokens, live sessions, kick, status) on top of
 * the services' HTTP APIs, with {@code java.net.http} and Jackson only: one short-lived JVM, no Maven, no
 * framework start-up. Entry point: {@link io.tributary.deploy.cli.Cli}.
 */
package io.tributary.deploy.cli;
