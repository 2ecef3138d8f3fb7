package io.sluice.client.cli.programs;

import io.sluice.api.environment.StreamExecutionEnvironment;

/** Prints the parallelism and user class loader its context environment has, for the CLI tests. */
public final class ParallelismProgram {
    private ParallelismProgram() {}

    public static void main(String[] args) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        System.out.println("parallelism=" + env.getParallelism() + " args=" + String.join(",", args)
                + " loaderIsContext="
                + (env.getUserCodeClassLoader() == Thread.currentThread().getContextClassLoader()));
    }
}
