package io.sluice.runtime.e2e.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.api.common.JobClient;
import io.sluice.api.common.JobExecutionException;
import io.sluice.api.common.JobStatus;
import io.sluice.api.connector.sink.lib.DiscardingSink;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.functions.OpenContext;
import io.sluice.api.functions.RichMapFunction;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A user's exception reaches the client as the cause of a JobExecutionException naming job and task. */
class UserExceptionTest {
    /** Subtask (1-based) of the map that threw; the sequence's splits go to whichever reader asks first. */
    private static final AtomicInteger THROWING_SUBTASK = new AtomicInteger();

    /** Throws on 42, remembering which subtask it ran in. */
    static final class BoomAt42 extends RichMapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            if (value == 42L) {
                THROWING_SUBTASK.set(getRuntimeContext().getIndexOfThisSubtask() + 1);
                throw new IllegalStateException("boom at 42");
            }
            return value;
        }
    }

    private static StreamExecutionEnvironment boomJob() {
        THROWING_SUBTASK.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        env.fromSequence(1, 1000).map(new BoomAt42()).sinkTo(new DiscardingSink<>());
        return env;
    }

    private static void assertIsBoomFailure(JobExecutionException e) {
        assertThat(e.getFinalStatus()).isEqualTo(JobStatus.FAILED);
        int k = THROWING_SUBTASK.get();
        assertThat(k).isBetween(1, 4);
        assertThat(e.getMessage())
                .isEqualTo("Job 'boom' (" + e.getJobID() + ") failed: task 'Source: Sequence Source -> Map -> Sink:"
                        + " DiscardingSink (" + k
                        + "/4)' on TaskManager tm-0 threw java.lang.IllegalStateException: boom at 42");
        assertThat(e.getCause())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("boom at 42");
        assertThat(Arrays.stream(e.getCause().getStackTrace()))
                .anyMatch(f -> f.getClassName().equals(BoomAt42.class.getName())
                        && f.getMethodName().equals("map"));
    }

    @Test
    void whenMapThrowsOnOneRecord_thenExecuteThrowsJobExecutionExceptionNamingJobAndSubtaskWithTheUserException() {
        StreamExecutionEnvironment env = boomJob();

        JobExecutionException e = catchThrowableOfType(() -> env.execute("boom"), JobExecutionException.class);

        assertIsBoomFailure(e);
        // The failure cancelled the three other subtasks: no task of the job is left running.
        Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> CancellationTest.threadsNamed(
                        "Source: Sequence Source -> Map -> Sink: DiscardingSink (")
                .isEmpty());
    }

    @Test
    void whenMapThrowsOnOneRecord_thenExecuteAsyncResultFailsWithTheSameJobExecutionException() throws Exception {
        JobClient client = boomJob().executeAsync("boom");

        ExecutionException e = catchThrowableOfType(
                () -> client.getJobExecutionResult().get(30, TimeUnit.SECONDS), ExecutionException.class);

        assertThat(e.getCause()).isInstanceOf(JobExecutionException.class);
        assertIsBoomFailure((JobExecutionException) e.getCause());
        assertThat(client.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.FAILED);
    }

    /** A checked exception; a wrapper around it would hide it from the user's catch clauses. */
    static final class DiskGone implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) throws IOException {
            if (value == 7L) {
                throw new IOException("disk gone at 7");
            }
            return value;
        }
    }

    @Test
    void whenChainedOperatorThrowsCheckedException_thenItArrivesUnwrapped() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSequence(1, 10)
                .map(v -> v + 1)
                .name("First")
                .map(new DiskGone())
                .name("Second")
                .sinkTo(new DiscardingSink<>());

        JobExecutionException e = catchThrowableOfType(() -> env.execute("checked"), JobExecutionException.class);

        assertThat(e.getMessage())
                .isEqualTo("Job 'checked' (" + e.getJobID() + ") failed: task 'Source: Sequence Source -> First ->"
                        + " Second -> Sink: DiscardingSink (1/1)' on TaskManager tm-0 threw java.io.IOException:"
                        + " disk gone at 7");
        assertThat(e.getCause()).isExactlyInstanceOf(IOException.class).hasMessage("disk gone at 7");
        assertThat(e.getCause().getCause()).isNull();
    }

    /** Fails in open(), before any record. */
    static final class FailingOpen extends RichMapFunction<Long, Long> {
        @Override
        public void open(OpenContext openContext) {
            throw new IllegalArgumentException("cannot open: no 'endpoint' configured");
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }

    @Test
    void whenRichFunctionOpenThrows_thenJobFailsWithThatExceptionAndTheTaskName() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 10).rebalance().map(new FailingOpen()).sinkTo(new DiscardingSink<>());

        JobExecutionException e = catchThrowableOfType(() -> env.execute("open"), JobExecutionException.class);

        assertThat(e.getMessage())
                .matches("Job 'open' \\(\\w+\\) failed: task 'Map -> Sink: DiscardingSink \\([12]/2\\)' on TaskManager"
                        + " tm-0 threw java.lang.IllegalArgumentException: cannot open: no 'endpoint' configured");
        assertThat(e.getCause())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot open: no 'endpoint' configured");
    }

    @Test
    void whenSinkWriterCloseThrows_thenJobFailsWithThatException() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSequence(1, 10).sinkTo(TestSinks.failingOnClose("could not commit the last file"));

        JobExecutionException e = catchThrowableOfType(() -> env.execute("close"), JobExecutionException.class);

        assertThat(e.getFinalStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(e.getMessage())
                .startsWith("Job 'close' (" + e.getJobID() + ") failed: task 'Source: Sequence" + " Source -> Sink: ");
        assertThat(e.getMessage())
                .endsWith(" (1/1)' on TaskManager tm-0 threw java.lang.IllegalStateException:"
                        + " could not commit the last file");
        assertThat(e.getCause())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("could not commit the last file");
    }
}
