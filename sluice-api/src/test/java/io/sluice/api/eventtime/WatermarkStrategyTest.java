package io.sluice.api.eventtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WatermarkStrategyTest {

    /** Feeds each timestamp to the generator and calls onPeriodicEmit after each one. */
    private static RecordingOutput emitAfterEach(WatermarkGenerator<String> generator, long... timestamps) {
        RecordingOutput out = new RecordingOutput();
        for (long ts : timestamps) {
            generator.onEvent("e" + ts, ts, out);
            generator.onPeriodicEmit(out);
        }
        return out;
    }

    @Test
    void boundedOutOfOrdernessEmitsMaxSeenMinusBoundMinusOneAfterShuffledTimestamps() {
        WatermarkGenerator<String> generator = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(2))
                .createWatermarkGenerator();
        RecordingOutput out = emitAfterEach(generator, 5, 3, 9, 7, 12, 10, 10);
        assertThat(out.calls).containsExactly("2", "2", "6", "6", "9", "9", "9");
    }

    @Test
    void boundedOutOfOrdernessEmitsNothingOnEventsOnlyOnPeriodicEmit() {
        WatermarkGenerator<String> generator = new BoundedOutOfOrdernessWatermarks<>(Duration.ofMillis(2));
        RecordingOutput out = new RecordingOutput();
        generator.onEvent("a", 5, out);
        generator.onEvent("b", 8, out);
        assertThat(out.calls).isEmpty();
        generator.onPeriodicEmit(out);
        assertThat(out.calls).containsExactly("5");
    }

    @Test
    void boundedOutOfOrdernessEmitsLongMinValueBeforeTheFirstEvent() {
        RecordingOutput out = new RecordingOutput();
        new BoundedOutOfOrdernessWatermarks<String>(Duration.ofSeconds(5)).onPeriodicEmit(out);
        new BoundedOutOfOrdernessWatermarks<String>(Duration.ZERO).onPeriodicEmit(out);
        new AscendingTimestampsWatermarks<String>().onPeriodicEmit(out);
        String min = Long.toString(Long.MIN_VALUE);
        assertThat(out.calls).containsExactly(min, min, min);
    }

    @Test
    void boundedOutOfOrdernessIgnoresEventsWithoutTimestamp() {
        WatermarkGenerator<String> generator = new BoundedOutOfOrdernessWatermarks<>(Duration.ofMillis(10));
        RecordingOutput out =
                emitAfterEach(generator, TimestampAssigner.NO_TIMESTAMP, 100, TimestampAssigner.NO_TIMESTAMP);
        assertThat(out.calls).containsExactly(Long.toString(Long.MIN_VALUE), "89", "89");
    }

    @Test
    void boundedOutOfOrdernessRejectsNegativeBoundWhenTheStrategyIsBuilt() {
        assertThatThrownBy(() -> WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxOutOfOrderness is PT-0.001S");
    }

    @Test
    void monotonousTimestampsBehaveLikeBoundedOutOfOrdernessWithZero() {
        long[] timestamps = {1, 4, 4, 10, 11};
        RecordingOutput monotonous = emitAfterEach(
                WatermarkStrategy.<String>forMonotonousTimestamps().createWatermarkGenerator(), timestamps);
        RecordingOutput boundedZero = emitAfterEach(
                WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ZERO)
                        .createWatermarkGenerator(),
                timestamps);
        assertThat(monotonous.calls).containsExactly("0", "3", "3", "9", "10");
        assertThat(monotonous.calls).isEqualTo(boundedZero.calls);
        assertThat(WatermarkStrategy.forMonotonousTimestamps().createWatermarkGenerator())
                .isInstanceOf(AscendingTimestampsWatermarks.class);
    }

    @Test
    void idlenessMarksIdleAfterExactlyTheTimeoutAndActiveAgainAfterAnEvent() {
        long[] now = {1000};
        WatermarksWithIdleness<String> generator = new WatermarksWithIdleness<>(
                new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO), Duration.ofMillis(100), () -> now[0]);
        RecordingOutput out = new RecordingOutput();

        generator.onEvent("a", 50, out);
        generator.onPeriodicEmit(out); // t=1000: activity seen, active as of 1000
        now[0] = 1099;
        generator.onPeriodicEmit(out); // 99 ms quiet: still active
        now[0] = 1100;
        generator.onPeriodicEmit(out); // 100 ms quiet: idle
        now[0] = 1500;
        generator.onPeriodicEmit(out); // still idle
        generator.onEvent("b", 70, out);
        generator.onPeriodicEmit(out); // t=1500: activity seen, the wrapped generator emits again
        now[0] = 1599;
        generator.onPeriodicEmit(out);
        now[0] = 1600;
        generator.onPeriodicEmit(out);

        assertThat(out.calls).containsExactly("49", "49", "idle", "idle", "69", "69", "idle");
    }

    @Test
    void idlenessCountsFromCreationWhenNoEventEverArrives() {
        long[] now = {0};
        WatermarksWithIdleness<String> generator = new WatermarksWithIdleness<>(
                new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO), Duration.ofMillis(10), () -> now[0]);
        RecordingOutput out = new RecordingOutput();
        now[0] = 9;
        generator.onPeriodicEmit(out);
        now[0] = 10;
        generator.onPeriodicEmit(out);
        assertThat(out.calls).containsExactly(Long.toString(Long.MIN_VALUE), "idle");
    }

    @Test
    void withIdlenessRejectsTimeoutsBelowOneMillisecond() {
        assertThatThrownBy(() -> WatermarkStrategy.forMonotonousTimestamps().withIdleness(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 ms");
    }

    @Test
    void withIdlenessKeepsTheTimestampAssignerAndWrapsTheGenerator() {
        WatermarkStrategy<String> strategy = WatermarkStrategy.<String>forMonotonousTimestamps()
                .withTimestampAssigner((event, ts) -> Long.parseLong(event))
                .withIdleness(Duration.ofSeconds(1));
        assertThat(strategy.createTimestampAssigner().extractTimestamp("42", 7)).isEqualTo(42);
        assertThat(strategy.createWatermarkGenerator()).isInstanceOf(WatermarksWithIdleness.class);
    }

    /** Emits a watermark at the event's timestamp when the event is a marker ("!"-prefixed). */
    private static final class MarkerGenerator implements WatermarkGenerator<String> {
        @Override
        public void onEvent(String event, long eventTimestamp, WatermarkOutput output) {
            if (event.startsWith("!")) {
                output.emitWatermark(new Watermark(eventTimestamp));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    @Test
    void forGeneratorRunsAPunctuatedGeneratorThatEmitsOnMarkerEvents() {
        WatermarkStrategy<String> strategy = WatermarkStrategy.forGenerator(context -> new MarkerGenerator());
        WatermarkGenerator<String> generator = strategy.createWatermarkGenerator();
        RecordingOutput out = new RecordingOutput();
        generator.onEvent("a", 3, out);
        generator.onEvent("!b", 5, out);
        generator.onPeriodicEmit(out);
        generator.onEvent("c", 9, out);
        generator.onEvent("!d", 8, out);
        assertThat(out.calls).containsExactly("5", "8");
    }

    @Test
    void forGeneratorPassesAContextWithTheSystemClock() {
        RelativeClock[] seen = new RelativeClock[1];
        WatermarkStrategy.<String>forGenerator(context -> {
                    seen[0] = context.getInputActivityClock();
                    return new MarkerGenerator();
                })
                .createWatermarkGenerator();
        assertThat(seen[0]).isSameAs(RelativeClock.system());
    }

    @Test
    void timestampAssignerSupplierIsCalledWhenTheAssignerIsCreated() {
        WatermarkStrategy<String> strategy = WatermarkStrategy.<String>forMonotonousTimestamps()
                .withTimestampAssigner(context -> (event, ts) -> event.length() + ts);
        assertThat(strategy.createTimestampAssigner().extractTimestamp("abc", 10))
                .isEqualTo(13);
    }

    @Test
    void zeroArgumentLambdaIsAStrategyWithTheDefaultAssigner() {
        WatermarkStrategy<String> strategy = () -> new MarkerGenerator();
        assertThat(strategy.createTimestampAssigner().extractTimestamp("x", 77)).isEqualTo(77);
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void everyStrategySurvivesJavaSerialization() throws Exception {
        assertThat(roundTrip(WatermarkStrategy.noWatermarks())).isSameAs(WatermarkStrategy.noWatermarks());

        WatermarkStrategy<String> bounded = roundTrip(WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(2)));
        assertThat(emitAfterEach(bounded.createWatermarkGenerator(), 5, 3, 9).calls)
                .containsExactly("2", "2", "6");

        WatermarkStrategy<String> monotonous = roundTrip(WatermarkStrategy.forMonotonousTimestamps());
        assertThat(emitAfterEach(monotonous.createWatermarkGenerator(), 5, 9).calls)
                .containsExactly("4", "8");

        WatermarkStrategy<String> punctuated =
                roundTrip(WatermarkStrategy.forGenerator(context -> new MarkerGenerator()));
        assertThat(punctuated.createWatermarkGenerator()).isInstanceOf(MarkerGenerator.class);

        WatermarkStrategy<String> assigned = roundTrip(WatermarkStrategy.<String>forMonotonousTimestamps()
                .withTimestampAssigner((event, ts) -> Long.parseLong(event)));
        assertThat(assigned.createTimestampAssigner().extractTimestamp("42", 0)).isEqualTo(42);
        assertThat(assigned.createWatermarkGenerator()).isInstanceOf(AscendingTimestampsWatermarks.class);

        WatermarkStrategy<String> supplied = roundTrip(WatermarkStrategy.<String>forMonotonousTimestamps()
                .withTimestampAssigner(context -> (event, ts) -> ts + 1));
        assertThat(supplied.createTimestampAssigner().extractTimestamp("x", 41)).isEqualTo(42);

        WatermarkStrategy<String> idle =
                roundTrip(WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(2))
                        .withIdleness(Duration.ofHours(1)));
        WatermarkGenerator<String> idleGenerator = idle.createWatermarkGenerator();
        assertThat(idleGenerator).isInstanceOf(WatermarksWithIdleness.class);
        assertThat(emitAfterEach(idleGenerator, 5, 3).calls).containsExactly("2", "2");
    }
}
