package io.sluice.client.cli.programs;

import io.sluice.api.connector.sink.lib.DiscardingSink;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.MapFunction;
import java.util.concurrent.CountDownLatch;

/** A job named "unbounded" that runs until it is cancelled: its map blocks on the first record. */
public final class UnboundedProgram {
    private UnboundedProgram() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromSequence(0, Long.MAX_VALUE).map(new BlockUntilCancelled()).sinkTo(new DiscardingSink<>());
        env.execute("unbounded");
    }

    static final class BlockUntilCancelled implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) throws InterruptedException {
            new CountDownLatch(1).await();
            return value;
        }
    }
}
