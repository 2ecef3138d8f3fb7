package io.sluice.client.cli.programs;

import io.sluice.api.connector.sink.lib.DiscardingSink;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.MapFunction;

/** A job named "failing job" whose map throws a {@link ProgramException} on the first record. */
public final class FailingJobProgram {
    private FailingJobProgram() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromSequence(1, 10).map(new Boom()).name("boom").sinkTo(new DiscardingSink<>());
        env.execute("failing job");
    }

    static final class Boom implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            throw new ProgramException("boom on " + value);
        }
    }
}
