package io.sluice.benchmarks;

import io.sluice.api.environment.StreamExecutionEnvironment;

/**
 * The job {@link ClusterBench} submits as a jar: {@code P1|P2 <records> <parallelism> <resultDir>};
 * its sinks write their results into {@code resultDir}.
 */
public final class ClusterJob {
    private ClusterJob() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        long n = Long.parseLong(args[1]);
        int parallelism = Integer.parseInt(args[2]);
        if (args[0].equals("P1")) {
            P1Stateless.build(env, n, parallelism, args[3]);
            env.execute("P1 stateless");
        } else {
            P2WordCount.build(env, n, parallelism, args[3]);
            env.execute("P2 word count");
        }
    }
}
