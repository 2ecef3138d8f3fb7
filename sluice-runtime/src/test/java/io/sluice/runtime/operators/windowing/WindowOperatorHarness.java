package io.sluice.runtime.operators.windowing;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.common.JobID;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.dag.OperatorSpec.WindowSpec;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.graph.OperatorConfig;
import io.sluice.runtime.graph.StreamNode;
import io.sluice.runtime.operators.Output;
import io.sluice.runtime.operators.StreamOperatorParameters;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.operators.timers.InternalTimer;
import io.sluice.runtime.operators.timers.InternalTimerService;
import io.sluice.runtime.operators.timers.Triggerable;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.tasks.ManualProcessingTimeService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Runs a window operator on the calling thread with a fake timer service the test drives: a
 * watermark fires the due event-time timers in timestamp order (with the timer's key set), then
 * reaches the operator; processing time likewise. Output is recorded as "value@timestamp".
 */
final class WindowOperatorHarness<K, IN, OUT> {
    final WindowOperator<K, IN, OUT, ?> operator;
    final List<String> output = new ArrayList<>();
    final Map<String, List<String>> sideOutputs = new HashMap<>();
    private final FakeTimers timers = new FakeTimers();
    private final ManualProcessingTimeService processingTime = new ManualProcessingTimeService();
    private final KeySelector<IN, K> keySelector;

    WindowOperatorHarness(WindowSpec spec, KeySelector<IN, K> keySelector) throws Exception {
        this.keySelector = keySelector;
        this.operator = spec.evictor() == null
                ? new WindowOperator<>(spec) {
                    @Override
                    protected <KK, N> InternalTimerService<N> getInternalTimerService(
                            String name, Triggerable<KK, N> triggerable) {
                        return timers.bind(triggerable);
                    }
                }
                : new EvictingWindowOperator<>(spec) {
                    @Override
                    protected <KK, N> InternalTimerService<N> getInternalTimerService(
                            String name, Triggerable<KK, N> triggerable) {
                        return timers.bind(triggerable);
                    }
                };
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
        operator.open();
    }

    void element(IN value, long timestamp) throws Exception {
        StreamRecord<IN> record = new StreamRecord<>(value, timestamp);
        operator.setKeyContextElement1(record);
        operator.processElement(record);
    }

    void watermark(long time) throws Exception {
        timers.advanceWatermark(time);
        operator.processWatermark(new WatermarkElement(time));
    }

    void processingTime(long time) throws Exception {
        timers.advanceProcessingTime(time);
    }

    List<String> takeOutput() {
        List<String> result = new ArrayList<>(output);
        output.clear();
        return result;
    }

    int numEventTimeTimers() {
        return timers.eventTimers.size();
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
        public void close() {}
    }

    private record Timer(long timestamp, Object key, Object namespace, long seq)
            implements InternalTimer<Object, Object> {
        @Override
        public long getTimestamp() {
            return timestamp;
        }

        @Override
        public Object getKey() {
            return key;
        }

        @Override
        public Object getNamespace() {
            return namespace;
        }

        boolean sameAs(long time, Object k, Object ns) {
            return timestamp == time && Objects.equals(key, k) && Objects.equals(namespace, ns);
        }
    }

    /** Timers per (key, namespace, time), fired in time order. */
    private final class FakeTimers implements InternalTimerService<Object> {
        final TreeSet<Timer> eventTimers =
                new TreeSet<>(Comparator.comparingLong(Timer::timestamp).thenComparingLong(Timer::seq));
        final TreeSet<Timer> processingTimers =
                new TreeSet<>(Comparator.comparingLong(Timer::timestamp).thenComparingLong(Timer::seq));
        private Triggerable<Object, Object> triggerable;
        private long watermark = Long.MIN_VALUE;
        private long seq;

        @SuppressWarnings("unchecked")
        <N> InternalTimerService<N> bind(Triggerable<?, ?> triggerable) {
            this.triggerable = (Triggerable<Object, Object>) triggerable;
            return (InternalTimerService<N>) this;
        }

        void advanceWatermark(long time) throws Exception {
            watermark = time;
            while (!eventTimers.isEmpty() && eventTimers.first().timestamp() <= time) {
                Timer timer = eventTimers.pollFirst();
                operator.setCurrentKey(timer.key());
                triggerable.onEventTime(timer);
            }
        }

        void advanceProcessingTime(long time) throws Exception {
            processingTime.advanceTo(time);
            while (!processingTimers.isEmpty() && processingTimers.first().timestamp() <= time) {
                Timer timer = processingTimers.pollFirst();
                operator.setCurrentKey(timer.key());
                triggerable.onProcessingTime(timer);
            }
        }

        @Override
        public long currentProcessingTime() {
            return processingTime.getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return watermark;
        }

        private void register(TreeSet<Timer> timers, Object namespace, long time) {
            Object key = operator.getCurrentKey();
            if (timers.stream().noneMatch(t -> t.sameAs(time, key, namespace))) {
                timers.add(new Timer(time, key, namespace, seq++));
            }
        }

        private void delete(TreeSet<Timer> timers, Object namespace, long time) {
            Object key = operator.getCurrentKey();
            timers.removeIf(t -> t.sameAs(time, key, namespace));
        }

        @Override
        public void registerProcessingTimeTimer(Object namespace, long time) {
            register(processingTimers, namespace, time);
        }

        @Override
        public void deleteProcessingTimeTimer(Object namespace, long time) {
            delete(processingTimers, namespace, time);
        }

        @Override
        public void registerEventTimeTimer(Object namespace, long time) {
            register(eventTimers, namespace, time);
        }

        @Override
        public void deleteEventTimeTimer(Object namespace, long time) {
            delete(eventTimers, namespace, time);
        }
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
