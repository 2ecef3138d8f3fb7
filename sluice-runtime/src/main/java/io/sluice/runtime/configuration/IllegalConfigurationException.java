package io.sluice.runtime.configuration;

/**
 * The configuration cannot be used: an unknown key, a malformed or out-of-range value, a YAML syntax
 * error or a missing file. The message names the key, where it was set (file and line, or the
 * {@code -D} property) and what was expected; a process that gets one should print it and stop.
 */
public class IllegalConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IllegalConfigurationException(String message) {
        super(message);
    }

    public IllegalConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
