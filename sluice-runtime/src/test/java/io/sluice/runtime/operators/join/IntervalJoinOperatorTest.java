package io.sluice.runtime.operators.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.common.JobID;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.dag.OperatorSpec.IntervalJoinSpec;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.co.ProcessJoinFunction;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.graph.OperatorConfig;
import io.sluice.runtime.graph.StreamNode;
import io.sluice.runtime.operators.OperatorFactory;
import io.sluice.runtime.operators.Output;
import io.sluice.runtime.operators.StreamOperatorParameters;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.tasks.ManualProcessingTimeService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The interval join operator driven step by step on the calling thread: which pairs meet as
 * elements and watermarks arrive, lateness at the watermark, and cleanup of buffers and timers.
 * Elements are "key:name" strings; both sides are keyed by the part before the colon.
 */
class IntervalJoinOperatorTest {
    private static final OutputTag<String> LATE_LEFT = new OutputTag<>("late-left", Types.STRING);
    private static final OutputTag<String> LATE_RIGHT = new OutputTag<>("late-right", Types.STRING);

    /** "left+right" with the pair's timestamps. */
    static final class Pair extends ProcessJoinFunction<String, String, String> {
        @Override
        public void processElement(String left, String right, Context ctx, Collector<String> out) {
            out.collect(left + "+" + right + "(" + ctx.getLeftTimestamp() + "," + ctx.getRightTimestamp() + ")");
        }
    }

    @Test
    void whenAnElementIsExactlyAtTheWatermark_thenItJoinsAndOnlyEarlierOnesAreLate() throws Exception {
        Harness h = new Harness(0, 0, true, true);
        h.watermark(10);

        h.left("a:L10", 10);
        h.left("a:L9", 9);
        h.right("a:R10", 10);
        h.right("a:R9", 9);

        assertThat(h.takeOutput()).containsExactly("a:L10+a:R10(10,10)@10");
        assertThat(h.sideOutputs)
                .containsOnly(Map.entry("late-left", List.of("a:L9@9")), Map.entry("late-right", List.of("a:R9@9")));
    }

    @Test
    void whenNoLateOutputIsSet_thenLateElementsAreDroppedWithoutState() throws Exception {
        Harness h = new Harness(0, 5, true, true, null, null);
        h.watermark(10);

        h.left("a:L", 3);
        h.right("a:R", 4);

        assertThat(h.takeOutput()).isEmpty();
        assertThat(h.sideOutputs).isEmpty();
        assertThat(h.bufferedKeys(IntervalJoinOperator.LEFT_BUFFER)).isZero();
        assertThat(h.bufferedKeys(IntervalJoinOperator.RIGHT_BUFFER)).isZero();
        assertThat(h.cleanupTimers()).isZero();
    }

    @Test
    void whenTheWatermarkPassesEachSidesCleanupTime_thenThatSidesBucketIsRemoved() throws Exception {
        // [-1, 2]: a left element at 10 may still meet right ones up to 12, a right one at 10 left
        // ones up to 11.
        Harness h = new Harness(-1, 2, true, true);
        h.left("a:L", 10);
        h.right("a:R", 10);
        assertThat(h.takeOutput()).containsExactly("a:L+a:R(10,10)@10");
        assertThat(h.cleanupTimers()).isEqualTo(2);

        h.watermark(11);
        assertThat(h.bufferedKeys(IntervalJoinOperator.LEFT_BUFFER)).isOne();
        assertThat(h.bufferedKeys(IntervalJoinOperator.RIGHT_BUFFER)).isZero();
        h.right("a:R12", 12);
        assertThat(h.takeOutput()).containsExactly("a:L+a:R12(10,12)@12");

        h.watermark(12);
        assertThat(h.bufferedKeys(IntervalJoinOperator.LEFT_BUFFER)).isZero();
        assertThat(h.bufferedKeys(IntervalJoinOperator.RIGHT_BUFFER)).isOne();
        h.left("a:L13", 13);
        assertThat(h.takeOutput()).containsExactly("a:L13+a:R12(13,12)@13");

        h.watermark(13);
        assertThat(h.bufferedKeys(IntervalJoinOperator.RIGHT_BUFFER)).isZero();
        h.left("a:L14", 14);
        assertThat(h.takeOutput()).isEmpty();
    }

    @Test
    void whenBothBoundsAreNegative_thenCleanupTimesFollowTheShiftedInterval() throws Exception {
        // [-5, -2]: a left element at t meets right ones in [t - 5, t - 2]; left buffers can go at
        // t, right ones at t + 5.
        Harness h = new Harness(-5, -2, true, true);
        h.right("a:R7", 7);
        h.left("a:L10", 10);
        h.left("a:L8", 8);
        assertThat(h.takeOutput()).containsExactly("a:L10+a:R7(10,7)@10");

        h.watermark(11);
        assertThat(h.bufferedKeys(IntervalJoinOperator.LEFT_BUFFER)).isZero();
        assertThat(h.bufferedKeys(IntervalJoinOperator.RIGHT_BUFFER)).isOne();
        h.left("a:L12", 12);
        assertThat(h.takeOutput()).containsExactly("a:L12+a:R7(12,7)@12");

        h.watermark(12);
        assertThat(h.bufferedKeys(IntervalJoinOperator.RIGHT_BUFFER)).isZero();
        assertThat(h.cleanupTimers()).isZero();
    }

    @Test
    void whenBoundsAreExclusive_thenTheyAreShiftedByOneMillisecond() throws Exception {
        Harness h = new Harness(-2, 2, false, false);
        h.left("a:L", 10);
        h.right("a:R8", 8);
        h.right("a:R9", 9);
        h.right("a:R11", 11);
        h.right("a:R12", 12);
        assertThat(h.takeOutput()).containsExactly("a:L+a:R9(10,9)@10", "a:L+a:R11(10,11)@11");
    }

    @Test
    void whenElementsShareATimestamp_thenTheyShareABucketAndOneTimer() throws Exception {
        Harness h = new Harness(0, 0, true, true);
        h.left("a:L1", 5);
        h.left("a:L2", 5);
        h.left("b:L3", 5);
        h.right("a:R", 5);
        assertThat(h.takeOutput()).containsExactly("a:L1+a:R(5,5)@5", "a:L2+a:R(5,5)@5");
        // One timer per key, namespace and timestamp: a/left, b/left, a/right.
        assertThat(h.cleanupTimers()).isEqualTo(3);
    }

    /** Runs an interval join operator, made from its spec as a task does, on the calling thread. */
    private static final class Harness {
        final IntervalJoinOperator<String, String, String, String> operator;
        final List<String> output = new ArrayList<>();
        final Map<String, List<String>> sideOutputs = new HashMap<>();

        Harness(long lower, long upper, boolean lowerInclusive, boolean upperInclusive) throws Exception {
            this(lower, upper, lowerInclusive, upperInclusive, LATE_LEFT, LATE_RIGHT);
        }

        @SuppressWarnings("unchecked")
        Harness(
                long lower,
                long upper,
                boolean lowerInclusive,
                boolean upperInclusive,
                OutputTag<String> lateLeft,
                OutputTag<String> lateRight)
                throws Exception {
            IntervalJoinSpec spec = new IntervalJoinSpec(
                    lower,
                    upper,
                    lowerInclusive,
                    upperInclusive,
                    lateLeft,
                    lateRight,
                    Types.STRING,
                    Types.STRING,
                    new Pair());
            operator = (IntervalJoinOperator<String, String, String, String>) OperatorFactory.create(spec);
            KeySelector<String, String> key = s -> s.substring(0, s.indexOf(':'));
            OperatorConfig config = new OperatorConfig(
                    0,
                    "interval join",
                    new OperatorID(),
                    StreamNode.Kind.OPERATOR,
                    null,
                    null,
                    spec,
                    null,
                    List.of(key, key),
                    null,
                    List.of());
            operator.setup(new StreamOperatorParameters<>(
                    config,
                    new RecordingOutput(),
                    new OneTaskInfo(),
                    new JobID(0, 0),
                    new ExecutionConfig(),
                    getClass().getClassLoader(),
                    new HashMap<>(),
                    (action, description) -> {
                        throw new UnsupportedOperationException("no mailbox in this harness");
                    },
                    new ManualProcessingTimeService(),
                    event -> {}));
            operator.open();
        }

        void left(String value, long timestamp) throws Exception {
            StreamRecord<String> record = new StreamRecord<>(value, timestamp);
            operator.setKeyContextElement1(record);
            operator.processElement1(record);
        }

        void right(String value, long timestamp) throws Exception {
            StreamRecord<String> record = new StreamRecord<>(value, timestamp);
            operator.setKeyContextElement2(record);
            operator.processElement2(record);
        }

        /** The same watermark on both inputs. */
        void watermark(long time) throws Exception {
            operator.processWatermark1(new WatermarkElement(time));
            operator.processWatermark2(new WatermarkElement(time));
        }

        List<String> takeOutput() {
            List<String> result = new ArrayList<>(output);
            output.clear();
            return result;
        }

        int bufferedKeys(String buffer) {
            return operator.getKeyedStateBackend().numKeys(buffer);
        }

        int cleanupTimers() {
            return operator.numPendingExpiries();
        }

        private final class RecordingOutput implements Output<String> {
            @Override
            public void collect(StreamRecord<String> record) {
                output.add(record.getValue() + "@" + record.getTimestamp());
            }

            @Override
            public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
                sideOutputs
                        .computeIfAbsent(outputTag.getId(), id -> new ArrayList<>())
                        .add(record.getValue() + "@" + record.getTimestamp());
            }

            @Override
            public void emitWatermark(WatermarkElement watermark) {}

            @Override
            public void emitWatermarkStatus(io.sluice.runtime.streamrecord.WatermarkStatus status) {}

            @Override
            public void close() {}
        }
    }

    private static final class OneTaskInfo implements TaskInfo {
        @Override
        public String getTaskName() {
            return "interval join";
        }

        @Override
        public String getTaskNameWithSubtasks() {
            return "interval join (1/1)";
        }

        @Override
        public int getIndexOfThisSubtask() {
            return 0;
        }

        @Override
        public int getNumberOfParallelSubtasks() {
            return 1;
        }

        @Override
        public int getMaxNumberOfParallelSubtasks() {
            return 128;
        }

        @Override
        public int getAttemptNumber() {
            return 0;
        }
    }
}
