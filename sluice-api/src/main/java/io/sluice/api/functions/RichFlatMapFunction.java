package io.sluice.api.functions;

/** A {@link FlatMapFunction} with open/close and a runtime context. */
public abstract class RichFlatMapFunction<T, O> extends AbstractRichFunction implements FlatMapFunction<T, O> {}
