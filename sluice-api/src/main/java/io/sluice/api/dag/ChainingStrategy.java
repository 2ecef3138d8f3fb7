package io.sluice.api.dag;

/** Whether an operator may be chained to its predecessor and successor. */
public enum ChainingStrategy {
    /** Chain with the predecessor and the successor where possible. */
    ALWAYS,
    /** Start a new chain here; successors may chain to this operator. */
    HEAD,
    /** Never chain: this operator runs as its own task. */
    NEVER
}
