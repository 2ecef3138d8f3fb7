package io.sluice.api.connector.source;

import java.io.Serializable;

/** A custom message between a source's enumerator and its readers. */
public interface SourceEvent extends Serializable {}
