/**
 * End-to-end benchmark jobs P1, P2 and P4, the same workloads as the Apache Flink peer benchmark
 * ({@code /work/shared/peers/flink}): same generators, same operators, same checksums, same {@code RESULT}
 * lines. {@link io.sluice.benchmarks.Main} is the entry point of {@code sluice-benchmarks.jar}.
 */
package io.sluice.benchmarks;
