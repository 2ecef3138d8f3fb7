package io.sluice.api.eventtime;

import java.io.Serializable;

/** A {@link TimestampAssigner} that travels with the job graph (lambdas welcome). */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}
