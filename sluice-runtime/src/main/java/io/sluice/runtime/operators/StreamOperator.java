package io.sluice.runtime.operators;

import io.sluice.runtime.operators.coordination.OperatorID;

/**
 * An operator in a task's chain. Every method runs on the task thread.
 *
 * <p>Call order: {@link #setup} once, {@link #open} once (operators of a chain are opened tail
 * first, so an operator's outputs are ready when it opens), records and watermarks, then
 * {@link #finish} once at the end of a bounded input (head first: flush what is buffered and emit
 * it), and {@link #close} last, also after a failure or cancellation if {@code setup} was called.
 */
public interface StreamOperator<OUT> {
    void setup(StreamOperatorParameters<OUT> parameters);

    void open() throws Exception;

    void finish() throws Exception;

    void close() throws Exception;

    OperatorID getOperatorId();
}
