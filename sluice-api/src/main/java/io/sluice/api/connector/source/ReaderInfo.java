package io.sluice.api.connector.source;

import java.io.Serializable;

/** A registered reader: its subtask and the host it runs on. */
public record ReaderInfo(int subtaskId, String location) implements Serializable {}
