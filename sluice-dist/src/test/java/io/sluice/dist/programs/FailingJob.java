package io.sluice.dist.programs;

import io.sluice.api.environment.StreamExecutionEnvironment;

/**
 * A job whose map throws on the record 2, for application mode's failure path. With the argument
 * {@code async} it submits with {@code executeAsync()} and returns at once, so the failure shows only
 * in the job's result.
 */
public final class FailingJob {
    public static final String MESSAGE = "record 2 is bad";

    private FailingJob() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromData(1, 2, 3).map(FailingJob::check).print();
        if (args.length > 0 && args[0].equals("async")) {
            env.executeAsync("FailingJob");
        } else {
            env.execute("FailingJob");
        }
    }

    static Integer check(Integer value) {
        if (value == 2) {
            throw new IllegalStateException(MESSAGE);
        }
        return value;
    }
}
