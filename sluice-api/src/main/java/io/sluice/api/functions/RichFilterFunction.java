package io.sluice.api.functions;

/** A {@link FilterFunction} with open/close and a runtime context. */
public abstract class RichFilterFunction<T> extends AbstractRichFunction implements FilterFunction<T> {}
