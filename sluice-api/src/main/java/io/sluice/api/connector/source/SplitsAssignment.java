package io.sluice.api.connector.source;

import java.util.List;
import java.util.Map;

/** Splits to hand to readers, by subtask. */
public record SplitsAssignment<SplitT extends SourceSplit>(Map<Integer, List<SplitT>> assignment) {}
