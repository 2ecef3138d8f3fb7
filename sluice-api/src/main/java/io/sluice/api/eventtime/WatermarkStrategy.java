package io.sluice.api.eventtime;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How a source gets event timestamps and watermarks: a {@link TimestampAssigner} plus a {@link
 * WatermarkGenerator}, both created on the task. A strategy travels with the job graph, so it is
 * serializable; {@link #createWatermarkGenerator()} is its one abstract method, so a lambda {@code
 * () -> new MyGenerator()} is a strategy.
 *
 * <p>Start from a factory and refine with the {@code with...} methods, each returning a new
 * strategy:
 *
 * <pre>{@code
 * WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofSeconds(5))
 *         .withTimestampAssigner((event, recordTimestamp) -> event.time)
 *         .withIdleness(Duration.ofMinutes(1));
 * }</pre>
 *
 * <ul>
 *   <li>{@link #noWatermarks()}: event time does not advance until the end of a bounded input.
 *   <li>{@link #forMonotonousTimestamps()}: timestamps never decrease.
 *   <li>{@link #forBoundedOutOfOrderness(Duration)}: events are at most a fixed time late.
 *   <li>{@link #forGenerator(WatermarkGeneratorSupplier)}: any generator, e.g. a punctuated one.
 * </ul>
 */
public interface WatermarkStrategy<T> extends Serializable {
    /** Creates the generator for one source subtask; called on the task thread. */
    WatermarkGenerator<T> createWatermarkGenerator();

    /**
     * Creates a generator with the runtime's context; the runtime calls this one (once per source
     * split, source subtask, or {@code assignTimestampsAndWatermarks} subtask). Strategies that
     * measure input activity ({@link #withIdleness}) read the context's clock, which the runtime
     * drives with the task's processing time. By default it ignores the context.
     */
    default WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return createWatermarkGenerator();
    }

    /** Default: keep the timestamp the source attached (or none). */
    default TimestampAssigner<T> createTimestampAssigner() {
        return (element, recordTimestamp) -> recordTimestamp;
    }

    /** This strategy with event timestamps taken from the elements by {@code assigner}. */
    default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> assigner) {
        Objects.requireNonNull(assigner, "withTimestampAssigner: the timestamp assigner must not be null");
        return new WatermarkStrategyWithTimestampAssigner<>(this, TimestampAssignerSupplier.of(assigner));
    }

    /** This strategy with an assigner built on the task by {@code supplier} (for non-serializable ones). */
    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssignerSupplier<T> supplier) {
        Objects.requireNonNull(supplier, "withTimestampAssigner: the timestamp assigner supplier must not be null");
        return new WatermarkStrategyWithTimestampAssigner<>(this, supplier);
    }

    /**
     * This strategy, but a source subtask that gets no events for {@code idleTimeout} is marked
     * idle (it stops holding back event time downstream) until its next event. See {@link
     * WatermarksWithIdleness} for exactly when.
     *
     * @param idleTimeout at least 1 ms
     */
    default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
        return new WatermarkStrategyWithIdleness<>(this, idleTimeout);
    }

    /** No watermarks: event time does not advance until the end of a bounded input. */
    @SuppressWarnings("unchecked")
    static <T> WatermarkStrategy<T> noWatermarks() {
        return (WatermarkStrategy<T>) NoWatermarksStrategy.INSTANCE;
    }

    /**
     * Timestamps never decrease: the watermark trails the largest timestamp seen by 1 ms ({@link
     * AscendingTimestampsWatermarks}).
     */
    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return AscendingTimestampsWatermarks::new;
    }

    /**
     * Events arrive at most {@code maxOutOfOrderness} late: the watermark trails the largest
     * timestamp seen by {@code maxOutOfOrderness} plus 1 ms ({@link BoundedOutOfOrdernessWatermarks}).
     *
     * @param maxOutOfOrderness zero or positive
     */
    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        BoundedOutOfOrdernessWatermarks.checkBound(maxOutOfOrderness); // fail in the client, not on the task
        return () -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    /**
     * Watermarks from a generator of your own, created on each source subtask by {@code supplier}.
     * The supplier gets the runtime's context (its activity clock follows the task's processing
     * time), or one with the system clock when called without a context.
     */
    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> supplier) {
        Objects.requireNonNull(supplier, "forGenerator: the watermark generator supplier must not be null");
        return new WatermarkStrategy<T>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator() {
                return supplier.createWatermarkGenerator(WatermarkGeneratorSupplier.Context.system());
            }

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return supplier.createWatermarkGenerator(context);
            }
        };
    }
}
