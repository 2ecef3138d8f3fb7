package io.sluice.runtime.operators.windowing;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.common.JobID;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.dag.OperatorSpec.WindowSpec;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.graph.OperatorConfig;
import io.sluice.runtime.graph.StreamNode;
import io.sluice.runtime.operators.OperatorFactory;
import io.sluice.runtime.operators.Output;
import io.sluice.runtime.operators.StateInitializationContext;
import io.sluice.runtime.operators.StreamOperatorParameters;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.state.MemoryCheckpointStreamFactory;
import io.sluice.runtime.state.OperatorRestore;
import io.sluice.runtime.state.OperatorSubtaskState;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;
import io.sluice.runtime.tasks.ManualProcessingTimeService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a window operator (made from its spec, as a task does) on the calling thread: the test
 * feeds elements and watermarks and moves a manual processing-time clock. Output is recorded as
 * "value@timestamp".
 */
final class WindowOperatorHarness<K, IN, OUT> {
    final WindowOperator<K, IN, OUT, ?> operator;
    final List<String> output = new ArrayList<>();
    final Map<String, List<String>> sideOutputs = new HashMap<>();
    private final ManualProcessingTimeService processingTime = new ManualProcessingTimeService();
    private final KeySelector<IN, K> keySelector;

    @SuppressWarnings("unchecked")
    WindowOperatorHarness(WindowSpec spec, KeySelector<IN, K> keySelector) throws Exception {
        this(spec, keySelector, null);
    }

    /** A harness whose operator restores {@code restore} (null: starts fresh). */
    @SuppressWarnings("unchecked")
    WindowOperatorHarness(WindowSpec spec, KeySelector<IN, K> keySelector, OperatorRestore restore) throws Exception {
        this.keySelector = keySelector;
        this.operator = (WindowOperator<K, IN, OUT, ?>) OperatorFactory.create(spec);
        OperatorConfig config = new OperatorConfig(
                0,
                "window",
                new OperatorID(),
                StreamNode.Kind.OPERATOR,
                null,
                null,
                spec,
                null,
                List.of(keySelector),
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
                processingTime,
                event -> {}));
        operator.initializeState(new StateInitializationContext(restore));
        operator.open();
    }

    /** Takes checkpoint {@code id} of the operator (both parts, in memory), as a task would. */
    OperatorSubtaskState snapshot(long id) throws Exception {
        return operator.snapshotState(id, 0).write(new MemoryCheckpointStreamFactory());
    }

    void element(IN value, long timestamp) throws Exception {
        StreamRecord<IN> record = new StreamRecord<>(value, timestamp);
        operator.setKeyContextElement1(record);
        operator.processElement(record);
    }

    void watermark(long time) throws Exception {
        operator.processWatermark(new WatermarkElement(time));
    }

    void processingTime(long time) throws Exception {
        processingTime.advanceTo(time);
    }

    List<String> takeOutput() {
        List<String> result = new ArrayList<>(output);
        output.clear();
        return result;
    }

    int numEventTimeTimers() {
        return operator.getTimerServices().get("window-timers").numEventTimeTimers();
    }

    private final class RecordingOutput implements Output<OUT> {
        @Override
        public void collect(StreamRecord<OUT> record) {
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
        public void emitWatermarkStatus(WatermarkStatus status) {}

        @Override
        public void close() {}
    }

    private static final class OneTaskInfo implements TaskInfo {
        @Override
        public String getTaskName() {
            return "window";
        }

        @Override
        public String getTaskNameWithSubtasks() {
            return "window (1/1)";
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
