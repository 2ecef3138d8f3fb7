package io.sluice.api.functions;

/** Passed to {@link RichFunction#open}; reserved for future information about the opening. */
public interface OpenContext {}
