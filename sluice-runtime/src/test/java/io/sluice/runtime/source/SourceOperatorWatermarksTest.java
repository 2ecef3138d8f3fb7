package io.sluice.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.SourceOutput;
import io.sluice.api.eventtime.Watermark;
import io.sluice.api.eventtime.WatermarkGenerator;
import io.sluice.api.eventtime.WatermarkOutput;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.runtime.graph.StreamNode;
import io.sluice.runtime.operators.OperatorHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceOperatorWatermarksTest {
    private final OperatorHarness harness = new OperatorHarness();
    private SourceOperator<Long, CapturingSource.NoSplit> operator;

    /** Opens a source operator with {@code strategy} at processing time 0 and returns its reader output. */
    private ReaderOutput<Long> open(WatermarkStrategy<Long> strategy) throws Exception {
        CapturingSource source = new CapturingSource();
        operator =
                harness.setup(new SourceOperator<>(source, strategy), StreamNode.Kind.SOURCE, source, strategy, null);
        operator.open();
        operator.emitNext();
        return source.output;
    }

    private List<String> take() {
        return harness.output.take();
    }

    @Test
    void whenAReaderHasTwoSplits_thenItsWatermarkIsTheMinimumOverThem() throws Exception {
        ReaderOutput<Long> out = open(WatermarkStrategy.forMonotonousTimestamps());
        SourceOutput<Long> a = out.createOutputForSplit("a");
        SourceOutput<Long> b = out.createOutputForSplit("b");
        assertThat(out.createOutputForSplit("a")).isSameAs(a);

        a.collect(1L, 100);
        b.collect(2L, 50);
        harness.time.advanceTo(200); // periodic, every 200 ms by default
        assertThat(take()).containsExactly("r:1@100", "r:2@50", "w:49");

        a.collect(3L, 300);
        b.collect(4L, 120);
        harness.time.advanceTo(400);
        assertThat(take()).containsExactly("r:3@300", "r:4@120", "w:119");

        out.releaseOutputForSplit("b"); // b no longer holds the reader back
        harness.time.advanceTo(600);
        assertThat(take()).containsExactly("w:299");

        SourceOutput<Long> c = out.createOutputForSplit("c");
        c.collect(5L, 10); // a new split below the watermark cannot pull it back
        harness.time.advanceTo(800);
        a.collect(6L, 1000);
        c.collect(7L, 500);
        harness.time.advanceTo(1000);
        assertThat(take()).containsExactly("r:5@10", "r:6@1000", "r:7@500", "w:499");
    }

    @Test
    void whenOneSplitIsQuietForTheIdleTimeout_thenItIsExcludedAndWhenAllAreTheSourceTurnsIdle() throws Exception {
        ReaderOutput<Long> out =
                open(WatermarkStrategy.<Long>forMonotonousTimestamps().withIdleness(Duration.ofMillis(1000)));
        SourceOutput<Long> a = out.createOutputForSplit("a");
        SourceOutput<Long> b = out.createOutputForSplit("b");
        a.collect(1L, 100);
        b.collect(2L, 50);
        harness.time.advanceTo(200);
        assertThat(take()).containsExactly("r:1@100", "r:2@50", "w:49");

        // a gets an event before every periodic emit, b none after t=200: b goes idle at t=1200
        for (long t = 400; t <= 1400; t += 200) {
            a.collect(t, 1000 + t);
            harness.time.advanceTo(t);
            List<String> seen = take();
            if (t < 1200) {
                assertThat(seen).as("t=%d", t).containsExactly("r:" + t + "@" + (1000 + t));
            } else {
                assertThat(seen).as("t=%d", t).containsExactly("r:" + t + "@" + (1000 + t), "w:" + (999 + t));
            }
        }

        // a quiet since t=1400: idle at t=2400; now every split is idle and so is the source
        harness.time.advanceTo(2200);
        assertThat(take()).isEmpty();
        harness.time.advanceTo(2400);
        assertThat(take()).containsExactly("IDLE");

        // an event on b makes the next periodic emit active again with b's watermark alone
        b.collect(9L, 5000);
        harness.time.advanceTo(2600);
        assertThat(take()).containsExactly("r:9@5000", "ACTIVE", "w:4999");

        // the end of input ends event time, from an idle source too
        harness.time.advanceTo(4000);
        assertThat(take()).containsExactly("IDLE");
        operator.finish();
        assertThat(take()).containsExactly("ACTIVE", "w:" + Long.MAX_VALUE);
        assertThat(harness.time.numPendingTimers()).isZero();
    }

    @Test
    void whenAReaderWithoutSplitOutputsGetsNoEvents_thenItGoesIdleAfterTheTimeout() throws Exception {
        ReaderOutput<Long> out =
                open(WatermarkStrategy.<Long>forMonotonousTimestamps().withIdleness(Duration.ofMillis(500)));
        out.collect(1L, 10);
        harness.time.advanceTo(200);
        assertThat(take()).containsExactly("r:1@10", "w:9");
        harness.time.advanceTo(600);
        assertThat(take()).isEmpty();
        harness.time.advanceTo(800); // 800 - 200 >= 500
        assertThat(take()).containsExactly("IDLE");
        out.collect(2L, 20);
        harness.time.advanceTo(1000);
        assertThat(take()).containsExactly("r:2@20", "ACTIVE", "w:19");
    }

    @Test
    void whenAGeneratorEmitsOnEvents_thenTheWatermarkFollowsItsRecordAndSplitsCombineAtOnce() throws Exception {
        WatermarkStrategy<Long> punctuated = WatermarkStrategy.forGenerator(context -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {
                if (event < 0) {
                    output.emitWatermark(new Watermark(eventTimestamp));
                }
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {}
        });
        ReaderOutput<Long> out = open(punctuated);
        SourceOutput<Long> a = out.createOutputForSplit("a");
        SourceOutput<Long> b = out.createOutputForSplit("b");
        a.collect(-1L, 30);
        assertThat(take()).containsExactly("r:-1@30");
        b.collect(-2L, 20);
        assertThat(take()).containsExactly("r:-2@20", "w:20");
        b.collect(-3L, 40);
        assertThat(take()).containsExactly("r:-3@40", "w:30");
        a.collect(7L, 90); // not a marker
        assertThat(take()).containsExactly("r:7@90");
    }

    @Test
    void whenTheSplitsGoIdleExplicitly_thenTheSourceIsIdleUntilOneTurnsActive() throws Exception {
        ReaderOutput<Long> out = open(WatermarkStrategy.forMonotonousTimestamps());
        SourceOutput<Long> a = out.createOutputForSplit("a");
        SourceOutput<Long> b = out.createOutputForSplit("b");
        a.collect(1L, 100);
        b.collect(2L, 200);
        harness.time.advanceTo(200);
        assertThat(take()).containsExactly("r:1@100", "r:2@200", "w:99");
        a.markIdle();
        assertThat(take()).containsExactly("w:199");
        b.markIdle();
        assertThat(take()).containsExactly("IDLE");
        b.markActive();
        assertThat(take()).containsExactly("ACTIVE");
    }

    @Test
    void whenTheStrategyIsNoWatermarks_thenTimestampsPassAndTheReadersWatermarksAreIgnored() throws Exception {
        ReaderOutput<Long> out = open(WatermarkStrategy.noWatermarks());
        out.collect(1L, 10);
        out.collect(2L);
        out.emitWatermark(new Watermark(5));
        out.markIdle();
        harness.time.advanceTo(1000);
        operator.finish();
        assertThat(take()).containsExactly("r:1@10", "r:2", "w:" + Long.MAX_VALUE);
    }
}
