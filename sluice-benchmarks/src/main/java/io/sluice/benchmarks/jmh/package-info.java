/**
 * JMH micro benchmarks: serializer round trips and the buffer path (record writer, local channel,
 * spanning deserializer). Run them with {@code java -jar sluice-benchmarks.jar jmh [JMH arguments]}.
 */
package io.sluice.benchmarks.jmh;
