package io.sluice.benchmarks;

import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.FilterFunction;
import io.sluice.api.functions.MapFunction;

/**
 * P1, stateless: {@code fromSequence(0, N-1) -> map(x*3+1) -> filter(x%2==0) -> sum sink}. The
 * checksum is the sum of the outputs (mod 2^64); {@code outputs} is their number (N/2).
 */
public final class P1Stateless {
    private P1Stateless() {}

    /** Runs P1 and prints its RESULT line; returns the checksum. */
    public static long run(long n, int parallelism) throws Exception {
        Results.reset();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, n, parallelism, null);

        long start = System.nanoTime();
        env.execute("P1 stateless");
        double seconds = (System.nanoTime() - start) / 1e9;

        long checksum = Results.SUM.sum();
        Gen.printResult(
                "P1",
                n,
                seconds,
                "checksum=" + checksum
                        + " outputs=" + Results.COUNT.sum()
                        + Results.taskFields(n)
                        + " parallelism=" + parallelism
                        + " engine=" + Gen.engine());
        return checksum;
    }

    /**
     * Adds P1 to {@code env}. With a {@code resultDir} the sinks write their results to files there
     * (a process cluster, see {@link ClusterBench}), else to {@link Results}.
     */
    static void build(StreamExecutionEnvironment env, long n, int parallelism, String resultDir) {
        env.setParallelism(parallelism);
        env.fromSequence(0, n - 1)
                .name("sequence")
                .map(new Times3Plus1())
                .name("map x*3+1")
                .filter(new IsEven())
                .name("filter even")
                .sinkTo(new SumSink(resultDir))
                .name("checksum sink");
    }

    /** {@code x -> 3x + 1}. */
    static final class Times3Plus1 implements MapFunction<Long, Long> {
        @Override
        public Long map(Long x) {
            return Gen.p1Map(x);
        }
    }

    /** Keeps even values. */
    static final class IsEven implements FilterFunction<Long> {
        @Override
        public boolean filter(Long x) {
            return Gen.p1Filter(x);
        }
    }
}
