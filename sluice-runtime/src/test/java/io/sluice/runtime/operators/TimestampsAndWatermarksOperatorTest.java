package io.sluice.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.runtime.graph.StreamNode;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampsAndWatermarksOperatorTest {
    private final OperatorHarness harness = new OperatorHarness();

    @SuppressWarnings("unchecked")
    private TimestampsAndWatermarksOperator<Long> open(WatermarkStrategy<Long> strategy) throws Exception {
        TimestampsAndWatermarksOperator<Long> op = (TimestampsAndWatermarksOperator<Long>)
                OperatorFactory.create(new OperatorSpec.TimestampsAndWatermarksSpec(strategy));
        harness.setup(op, StreamNode.Kind.OPERATOR, null, null, null);
        op.open();
        return op;
    }

    @Test
    void whenRecordsArrive_thenTheAssignerSeesThePreviousTimestampAndThePeriodicWatermarkTrailsTheMaximum()
            throws Exception {
        List<Long> previous = new ArrayList<>();
        TimestampsAndWatermarksOperator<Long> op =
                open(WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(10))
                        .withTimestampAssigner((value, recordTimestamp) -> {
                            previous.add(recordTimestamp);
                            return value * 100;
                        }));
        op.processElement(new StreamRecord<>(3L));
        op.processElement(new StreamRecord<>(5L, 7));
        op.processElement(new StreamRecord<>(4L));
        assertThat(previous).containsExactly(Long.MIN_VALUE, 7L, Long.MIN_VALUE);
        harness.time.advanceTo(199);
        assertThat(harness.output.take()).containsExactly("r:3@300", "r:5@500", "r:4@400");
        harness.time.advanceTo(200);
        assertThat(harness.output.take()).containsExactly("w:489"); // 500 - 10 - 1
        harness.time.advanceTo(400); // no new maximum: nothing new
        assertThat(harness.output.take()).isEmpty();
    }

    @Test
    void whenUpstreamWatermarksAndStatusesArrive_thenOnlyTheFinalWatermarkPasses() throws Exception {
        TimestampsAndWatermarksOperator<Long> op =
                open(WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v));
        op.processWatermark(new WatermarkElement(1_000));
        op.processWatermarkStatus(WatermarkStatus.IDLE);
        op.processElement(new StreamRecord<>(50L, 9_999));
        harness.time.advanceTo(200);
        op.processWatermark(new WatermarkElement(Long.MAX_VALUE));
        op.finish();
        assertThat(harness.output.take()).containsExactly("r:50@50", "w:49", "w:" + Long.MAX_VALUE);
        assertThat(harness.time.numPendingTimers()).isZero();
    }

    @Test
    void whenTheInputIsQuietForTheIdleTimeout_thenTheOutputTurnsIdleUntilTheNextWatermark() throws Exception {
        TimestampsAndWatermarksOperator<Long> op = open(WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((v, ts) -> v)
                .withIdleness(Duration.ofMillis(300)));
        op.processElement(new StreamRecord<>(10L));
        harness.time.advanceTo(200);
        assertThat(harness.output.take()).containsExactly("r:10@10", "w:9");
        harness.time.advanceTo(400);
        assertThat(harness.output.take()).isEmpty();
        harness.time.advanceTo(600); // 600 - 200 >= 300
        assertThat(harness.output.take()).containsExactly("IDLE");
        op.processElement(new StreamRecord<>(20L));
        harness.time.advanceTo(800);
        assertThat(harness.output.take()).containsExactly("r:20@20", "ACTIVE", "w:19");
    }

    @Test
    void whenTheIntervalIsZero_thenOnlyFinishAsksTheGenerator() throws Exception {
        harness.executionConfig.setAutoWatermarkInterval(0);
        TimestampsAndWatermarksOperator<Long> op =
                open(WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v));
        op.processElement(new StreamRecord<>(10L));
        harness.time.advanceTo(10_000);
        assertThat(harness.output.take()).containsExactly("r:10@10");
        op.finish();
        assertThat(harness.output.take()).containsExactly("w:9");
    }
}
