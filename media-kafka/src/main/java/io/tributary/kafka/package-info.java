/**
 * The Kafka edge of the contract, with kafka-clients as its only framework: the settings of every topic
 * ({@link io.tributary.kafka.TopicCatalog}) and their creation at start-up ({@link io.tributary.kafka.TopicProvisioner}),
 * the client settings the contract relies on ({@link io.tributary.kafka.KafkaClientDefaults}), and GOP record metadata
 * to and from Kafka headers ({@link io.tributary.kafka.GopRecords}).
 */
package io.tributary.kafka;
