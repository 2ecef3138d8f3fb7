/**
 * JMH micro benchmarks: serializer round trips, the buffer path (record writer, local channel,
 * spanning deserializer) and heap keyed state access. Run them with {@code java -jar
 * sluice-benchmarks.jar jmh [JMH arguments]}.
 */
package io.sluice.benchmarks.jmh;
