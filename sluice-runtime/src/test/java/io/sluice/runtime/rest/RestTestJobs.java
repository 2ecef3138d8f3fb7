package io.sluice.runtime.rest;

import io.sluice.api.connector.sink.lib.DiscardingSink;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.execution.Pipeline;
import io.sluice.api.functions.MapFunction;
import io.sluice.runtime.client.StreamGraphTranslator;
import io.sluice.runtime.jobgraph.JobGraph;
import java.util.concurrent.CountDownLatch;

/** The jobs the REST tests run: one that finishes, one that runs until cancelled, one that fails. */
final class RestTestJobs {
    private RestTestJobs() {}

    /** Blocks every record until interrupted: the job stays RUNNING without using CPU. */
    static final class BlockUntilCancelled implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) throws InterruptedException {
            new CountDownLatch(1).await();
            return value;
        }
    }

    static final class Twice implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            return 2 * value;
        }
    }

    static final class Boom implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            throw new IllegalStateException("boom on " + value);
        }
    }

    /** Source, map "twice" and sink as three vertices at parallelism 2; reads 1..100 and finishes. */
    static JobGraph finishing() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.disableOperatorChaining();
        env.fromSequence(1, 100).map(new Twice()).name("twice").sinkTo(new DiscardingSink<>());
        return jobGraph(env, "finishing");
    }

    /** One chained vertex at parallelism 1 that never ends by itself. */
    static JobGraph unbounded() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSequence(0, Long.MAX_VALUE)
                .map(new BlockUntilCancelled())
                .name("blocked")
                .sinkTo(new DiscardingSink<>());
        return jobGraph(env, "unbounded");
    }

    /** One chained vertex at parallelism 1 whose map throws on the first record. */
    static JobGraph failing() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSequence(1, 10).map(new Boom()).name("boom").sinkTo(new DiscardingSink<>());
        return jobGraph(env, "failing");
    }

    private static JobGraph jobGraph(StreamExecutionEnvironment env, String jobName) {
        return StreamGraphTranslator.toJobGraph(new Pipeline(
                jobName,
                env.getSinks(),
                env.getConfig(),
                env.getConfiguration(),
                env.getBufferTimeout(),
                env.isChainingEnabled()));
    }
}
