package io.sluice.api.functions;

import java.io.Serializable;

/**
 * The base of every user function. Functions are serialized with the job graph and deserialized
 * once per parallel subtask, so each subtask has its own instance and may keep plain fields.
 */
public interface Function extends Serializable {}
