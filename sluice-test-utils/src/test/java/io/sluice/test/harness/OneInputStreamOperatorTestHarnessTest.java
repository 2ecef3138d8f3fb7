package io.sluice.test.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.dag.OperatorSpec.FilterSpec;
import io.sluice.api.dag.OperatorSpec.MapSpec;
import io.sluice.api.eventtime.Watermark;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.functions.OpenContext;
import io.sluice.api.functions.ProcessFunction;
import io.sluice.api.functions.RichMapFunction;
import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.operators.AbstractStreamOperator;
import io.sluice.runtime.operators.OneInputStreamOperator;
import io.sluice.runtime.operators.StreamMap;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneInputStreamOperatorTestHarnessTest {

    @Test
    void whenMapProcessesElementsAndWatermarks_thenOutputHasRecordsAndWatermarksInOrder() throws Exception {
        OneInputStreamOperatorTestHarness<Integer, String> harness =
                new OneInputStreamOperatorTestHarness<>(new MapSpec((MapFunction<Integer, String>) x -> "v" + x * 2));
        harness.open();

        harness.processElement(1, 10L);
        harness.processElement(new StreamRecord<>(2));
        harness.processWatermark(10L);
        harness.processElement(3, 12L);
        harness.processWatermark(new Watermark(20L));

        assertThat(harness.getOutput())
                .containsExactly(
                        new StreamRecord<>("v2", 10L),
                        new StreamRecord<>("v4"),
                        new Watermark(10L),
                        new StreamRecord<>("v6", 12L),
                        new Watermark(20L));
        assertThat(harness.extractOutputValues()).containsExactly("v2", "v4", "v6");
        assertThat(harness.extractOutputStreamRecords())
                .containsExactly(
                        new StreamRecord<>("v2", 10L), new StreamRecord<>("v4"), new StreamRecord<>("v6", 12L));
        assertThat(harness.extractOutputWatermarks()).containsExactly(new Watermark(10L), new Watermark(20L));
        assertThat(harness.numKeyedStateEntries()).isZero();
        harness.close();
    }

    @Test
    void whenFilterSpecIsGiven_thenTheTasksOperatorRunsIt() throws Exception {
        OneInputStreamOperatorTestHarness<Integer, Integer> harness =
                new OneInputStreamOperatorTestHarness<>(new FilterSpec((Integer x) -> x % 2 == 0));
        harness.open();
        for (int i = 1; i <= 6; i++) {
            harness.processElement(i, i * 100L);
        }
        assertThat(harness.extractOutputStreamRecords())
                .containsExactly(new StreamRecord<>(2, 200L), new StreamRecord<>(4, 400L), new StreamRecord<>(6, 600L));
        harness.close();
    }

    @Test
    void whenOperatorReusesItsOutputRecord_thenTheHarnessKeepsEachRecord() throws Exception {
        // StreamMap emits through one reused StreamRecord; the harness must copy it.
        OneInputStreamOperatorTestHarness<Integer, Integer> harness =
                new OneInputStreamOperatorTestHarness<>(new StreamMap<>((Integer x) -> x + 1));
        harness.open();
        harness.processElement(1, 1L);
        harness.processElement(2, 2L);
        assertThat(harness.extractOutputStreamRecords())
                .containsExactly(new StreamRecord<>(2, 1L), new StreamRecord<>(3, 2L));
        harness.close();
    }

    @Test
    void whenRichFunctionRuns_thenItIsOpenedWithTheHarnessTaskInfoAndClosed() throws Exception {
        List<String> calls = new ArrayList<>();
        RichMapFunction<String, String> fn = new RichMapFunction<>() {
            @Override
            public void open(OpenContext openContext) {
                calls.add("open " + getRuntimeContext().getIndexOfThisSubtask() + "/"
                        + getRuntimeContext().getNumberOfParallelSubtasks());
            }

            @Override
            public String map(String value) {
                return value.toUpperCase();
            }

            @Override
            public void close() {
                calls.add("close");
            }
        };
        OneInputStreamOperatorTestHarness<String, String> harness =
                new OneInputStreamOperatorTestHarness<>(new StreamMap<>(fn), 8, 4, 2);
        harness.open();
        harness.processElement("a", 1L);
        harness.close();
        harness.close(); // idempotent

        assertThat(calls).containsExactly("open 2/4", "close");
        assertThat(harness.extractOutputValues()).containsExactly("A");
    }

    @Test
    void whenProcessFunctionEmitsToSideOutputs_thenEachTagHasItsRecordsWithTimestamps() throws Exception {
        OutputTag<String> small = new OutputTag<>("small") {};
        OutputTag<Integer> negative = new OutputTag<>("negative") {};
        OutputTag<Long> unused = new OutputTag<>("unused") {};
        OneInputStreamOperatorTestHarness<Integer, Integer> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new ProcessFunction<Integer, Integer>() {
                    @Override
                    public void processElement(Integer value, Context ctx, Collector<Integer> out) {
                        if (value < 0) {
                            ctx.output(negative, value);
                        } else if (value < 10) {
                            ctx.output(small, "small:" + value);
                        } else {
                            out.collect(value);
                        }
                    }
                });

        harness.processElement(5, 1L);
        harness.processElement(50, 2L);
        harness.processElement(-3, 3L);
        harness.processElement(new StreamRecord<>(7));
        harness.processWatermark(3L);

        assertThat(harness.getOutput()).containsExactly(new StreamRecord<>(50, 2L), new Watermark(3L));
        assertThat(harness.getSideOutput(small))
                .containsExactly(new StreamRecord<>("small:5", 1L), new StreamRecord<>("small:7"));
        assertThat(harness.getSideOutput(negative)).containsExactly(new StreamRecord<>(-3, 3L));
        assertThat(harness.getSideOutput(unused)).isEmpty();
        harness.close();
    }

    @Test
    void whenOperatorUsesProcessingTimeCallbacksAndMail_thenSetProcessingTimeRunsThemInOrderOnTheCallingThread()
            throws Exception {
        OneInputStreamOperatorTestHarness<String, String> harness =
                new OneInputStreamOperatorTestHarness<>(new BufferUntilProcessingTime(100L));
        harness.open();
        Thread testThread = Thread.currentThread();

        harness.processElement(new StreamRecord<>("a"));
        harness.setProcessingTime(50L);
        harness.processElement(new StreamRecord<>("b"));
        assertThat(harness.getOutput()).isEmpty();
        assertThat(harness.getProcessingTimeService().pendingTimes()).containsExactly(100L, 150L);

        harness.setProcessingTime(120L);
        assertThat(harness.extractOutputValues()).containsExactly("a@100", "mail a");
        harness.setProcessingTime(1000L);
        assertThat(harness.extractOutputValues()).containsExactly("a@100", "mail a", "b@150", "mail b");
        assertThat(harness.getProcessingTime()).isEqualTo(1000L);
        assertThat(((BufferUntilProcessingTime) harness.getOperator()).threads).containsOnly(testThread);
        harness.close();
    }

    @Test
    void whenElementComesBeforeOpen_thenTheHarnessSaysWhatToCallFirst() throws Exception {
        OneInputStreamOperatorTestHarness<Integer, Integer> harness =
                new OneInputStreamOperatorTestHarness<>(new StreamMap<>((Integer x) -> x));
        assertThatThrownBy(() -> harness.processElement(1, 1L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("processElement() needs the harness to be OPEN but it is CREATED");
        harness.open();
        assertThatThrownBy(harness::open).isInstanceOf(IllegalStateException.class);
        harness.close();
        assertThatThrownBy(() -> harness.processWatermark(1L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("it is CLOSED");
    }

    @Test
    void whenSpecMakesATwoInputOperator_thenTheOneInputHarnessRejectsIt() {
        assertThatThrownBy(() -> new OneInputStreamOperatorTestHarness<>(new io.sluice.api.dag.OperatorSpec.CoMapSpec(
                        new io.sluice.api.functions.co.CoMapFunction<Integer, Integer, Integer>() {
                            @Override
                            public Integer map1(Integer value) {
                                return value;
                            }

                            @Override
                            public Integer map2(Integer value) {
                                return value;
                            }
                        })))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CoMapSpec makes a CoStreamMap, not a OneInputStreamOperator");
    }

    @Test
    void whenInputEnds_thenTheOperatorFlushesWhatItBufferedBeforeClose() throws Exception {
        OneInputStreamOperatorTestHarness<Integer, Integer> harness =
                new OneInputStreamOperatorTestHarness<>(new SumUntilEnd());
        harness.open();
        harness.processElements(List.of(new StreamRecord<>(1, 1L), new StreamRecord<>(2, 2L), new StreamRecord<>(3)));
        assertThat(harness.getOutput()).isEmpty();

        harness.endInput();
        assertThat(harness.getOutput()).containsExactly(new StreamRecord<>(6));
        harness.close();
    }

    /** Emits the sum of its input once, when the input ends. */
    private static final class SumUntilEnd extends AbstractStreamOperator<Integer>
            implements OneInputStreamOperator<Integer, Integer> {
        private int sum;

        @Override
        public void processElement(StreamRecord<Integer> record) {
            sum += record.getValue();
        }

        @Override
        public void finish() {
            output.collect(new StreamRecord<>(sum));
        }
    }

    /**
     * Holds each element until a processing-time callback 100 ms after it arrived, then emits it,
     * and posts a mail that emits a second record, as operators do with timers and mailbox actions.
     */
    private static final class BufferUntilProcessingTime extends AbstractStreamOperator<String>
            implements OneInputStreamOperator<String, String> {
        private final long delay;
        final List<Thread> threads = new ArrayList<>();

        BufferUntilProcessingTime(long delay) {
            this.delay = delay;
        }

        @Override
        public void processElement(StreamRecord<String> record) {
            String value = record.getValue();
            long due = parameters.processingTimeService().getCurrentProcessingTime() + delay;
            parameters.processingTimeService().registerTimer(due, time -> {
                threads.add(Thread.currentThread());
                output.collect(new StreamRecord<>(value + "@" + time));
                parameters
                        .mailboxExecutor()
                        .execute(
                                () -> {
                                    threads.add(Thread.currentThread());
                                    output.collect(new StreamRecord<>("mail " + value));
                                },
                                "emit " + value);
            });
        }

        @Override
        public void processWatermark(WatermarkElement watermark) throws Exception {
            super.processWatermark(watermark);
        }
    }
}
