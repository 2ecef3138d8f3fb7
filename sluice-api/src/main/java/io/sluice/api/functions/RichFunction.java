package io.sluice.api.functions;

/**
 * A function with a life cycle and access to its {@link RuntimeContext}.
 *
 * <p>Call order, all on the task thread: {@link #setRuntimeContext} once, {@link #open} once,
 * then the function's own method per record, then {@link #close} once (also after a failure or
 * cancellation, if {@code open} was called).
 */
public interface RichFunction extends Function {
    default void open(OpenContext openContext) throws Exception {}

    default void close() throws Exception {}

    RuntimeContext getRuntimeContext();

    void setRuntimeContext(RuntimeContext context);
}
