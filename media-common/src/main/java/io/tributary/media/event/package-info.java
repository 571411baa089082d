/**
 * The JSON events of the contract, one record each with a {@code schemaVersion}, the topic names
 * ({@link io.tributary.media.event.Topics}) and the one JSON mapping ({@link io.tributary.media.event.EventJson}).
 */
package io.tributary.media.event;
