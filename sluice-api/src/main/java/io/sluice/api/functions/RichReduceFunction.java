package io.sluice.api.functions;

/** A {@link ReduceFunction} with open/close and a runtime context. */
public abstract class RichReduceFunction<T> extends AbstractRichFunction implements ReduceFunction<T> {}
