package io.sluice.api.functions.co;

import io.sluice.api.functions.AbstractRichFunction;
import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;

/**
 * Receives the joined pairs of an interval join ({@code KeyedStream#intervalJoin}): called once
 * for every pair of a left and a right element with the same key whose timestamps lie within the
 * join's bounds, on the task thread, when the later of the two arrives. Results are emitted with
 * the larger of the two timestamps.
 *
 * @param <IN1> the left input's type
 * @param <IN2> the right input's type
 * @param <OUT> the output type
 */
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /**
     * Processes one joined pair.
     *
     * @param left the left element
     * @param right the right element
     * @param ctx the pair's timestamps and side outputs; valid only during this call
     * @param out emits results with the timestamp {@link Context#getTimestamp()}
     */
    public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out) throws Exception;

    /** The context of one joined pair; valid only during the call it is passed to. */
    public abstract class Context {
        /** The left element's timestamp. */
        public abstract long getLeftTimestamp();

        /** The right element's timestamp. */
        public abstract long getRightTimestamp();

        /** The result's timestamp: the larger of the two. */
        public abstract long getTimestamp();

        /** Emits to the side output named by the tag, with the result's timestamp. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
