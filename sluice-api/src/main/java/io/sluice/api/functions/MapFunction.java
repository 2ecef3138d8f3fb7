package io.sluice.api.functions;

/** Transforms one element into exactly one element. Called on the task thread, one call per record. */
@FunctionalInterface
public interface MapFunction<T, O> extends Function {
    O map(T value) throws Exception;
}
