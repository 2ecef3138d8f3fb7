package io.sluice.api.connector.sink.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.common.JobExecutionException;
import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.testutils.TestSerializers;
import io.sluice.api.connector.testutils.TestWriterInitContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CollectSinkTest {

    /** Plays the job: writes the records through a real sink writer on another thread. */
    private static CompletableFuture<Void> runSink(CollectSink<Long> sink, long count, boolean endOfInput) {
        return CompletableFuture.runAsync(() -> {
            try (SinkWriter<Long> writer = sink.createWriter(new TestWriterInitContext(0, 1))) {
                for (long i = 0; i < count; i++) {
                    writer.write(i, null);
                }
                writer.flush(endOfInput);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }

    private static List<Long> drain(CollectResultIterator<Long> iterator) {
        List<Long> result = new ArrayList<>();
        while (iterator.hasNext()) {
            result.add(iterator.next());
        }
        return result;
    }

    @Test
    void hundredThousandRecordsArriveInOrder() throws Exception {
        try (CollectResultIterator<Long> iterator = new CollectResultIterator<>(new TestSerializers.LongSer())) {
            assertThat(iterator.getHost()).isEqualTo("127.0.0.1");
            CompletableFuture<Void> job = runSink(iterator.createSink(), 100_000, true);
            iterator.attachJobTermination(job);
            assertThat(drain(iterator))
                    .isEqualTo(LongStream.range(0, 100_000).boxed().collect(Collectors.toList()));
            assertThat(iterator.hasNext()).isFalse();
        }
    }

    @Test
    void emptyResultEndsIteration() throws Exception {
        try (CollectResultIterator<Long> iterator = new CollectResultIterator<>(new TestSerializers.LongSer())) {
            CompletableFuture<Void> job = runSink(iterator.createSink(), 0, true);
            iterator.attachJobTermination(job);
            assertThat(iterator.hasNext()).isFalse();
        }
    }

    @Test
    void jobFailureWakesBlockedHasNextWithTheFailureAsCause() throws Exception {
        try (CollectResultIterator<Long> iterator = new CollectResultIterator<>(new TestSerializers.LongSer())) {
            CompletableFuture<Object> jobResult = new CompletableFuture<>();
            iterator.attachJobTermination(jobResult);
            // The sink connects and sends nothing: hasNext blocks.
            runSink(iterator.createSink(), 0, false).get(5, TimeUnit.SECONDS);
            CompletableFuture<Boolean> hasNext = CompletableFuture.supplyAsync(iterator::hasNext);
            Thread.sleep(200);
            assertThat(hasNext).isNotDone();

            JobExecutionException failure = new JobExecutionException(
                    new JobID(1, 1), JobStatus.FAILED, "map failed", new ArithmeticException());
            jobResult.completeExceptionally(failure);

            assertThatThrownBy(() -> hasNext.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(RuntimeException.class)
                    .hasCause(failure);
        }
    }

    @Test
    void jobFinishedWithoutEndMarkerIsAClearError() throws Exception {
        try (CollectResultIterator<Long> iterator = new CollectResultIterator<>(new TestSerializers.LongSer())) {
            CompletableFuture<Void> job = runSink(iterator.createSink(), 3, false);
            iterator.attachJobTermination(job);
            assertThat(iterator.next()).isEqualTo(0L);
            assertThat(iterator.next()).isEqualTo(1L);
            assertThat(iterator.next()).isEqualTo(2L);
            assertThatThrownBy(iterator::hasNext)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith(
                            "The job finished, but the collect sink's end-of-data marker never arrived (3 records received");
        }
    }

    @Test
    void restartedSinkConnectionIsAcceptedAfterTheFirstBreaks() throws Exception {
        try (CollectResultIterator<Long> iterator = new CollectResultIterator<>(new TestSerializers.LongSer())) {
            runSink(iterator.createSink(), 2, false).get(5, TimeUnit.SECONDS);
            assertThat(iterator.next()).isEqualTo(0L);
            assertThat(iterator.next()).isEqualTo(1L);
            CompletableFuture<Void> secondAttempt = runSink(iterator.createSink(), 3, true);
            iterator.attachJobTermination(secondAttempt);
            assertThat(drain(iterator)).containsExactly(0L, 1L, 2L);
        }
    }
}
