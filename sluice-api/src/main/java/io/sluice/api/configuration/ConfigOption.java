package io.sluice.api.configuration;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * A typed configuration key with a default and a description (the configuration reference is
 * generated from these). Values are parsed from strings: integers, longs, booleans, doubles,
 * strings, memory sizes ("32kb", "64mb") as {@link Long} bytes, and durations ("100 ms", "10 s").
 */
public final class ConfigOption<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;

    ConfigOption(String key, Class<T> type, T defaultValue, String description) {
        this.key = Objects.requireNonNull(key);
        this.type = Objects.requireNonNull(type);
        this.defaultValue = defaultValue;
        this.description = description == null ? "" : description;
    }

    public String key() {
        return key;
    }

    public Class<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** What a value of this option looks like, e.g. "a whole number"; for error messages and docs. */
    public String typeDescription() {
        return ConfigOptions.describeType(type);
    }

    public ConfigOption<T> withDescription(String description) {
        return new ConfigOption<>(key, type, defaultValue, description);
    }

    /** Parses a string for this option; the message names the key and the expected form. */
    T parse(String raw) {
        String s = raw.trim();
        try {
            Object v;
            if (type == Integer.class) {
                v = Integer.parseInt(s);
            } else if (type == Long.class) {
                v = Long.parseLong(s);
            } else if (type == Boolean.class) {
                if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException();
                }
                v = Boolean.parseBoolean(s);
            } else if (type == Double.class) {
                v = Double.parseDouble(s);
            } else if (type == Duration.class) {
                v = ConfigOptions.parseDuration(s);
            } else if (type == MemorySize.class) {
                v = MemorySize.parse(s);
            } else if (type == String.class) {
                v = s;
            } else {
                throw new IllegalStateException("Unsupported option type " + type);
            }
            return type.cast(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Invalid value '" + raw + "' for configuration key '" + key + "': expected "
                            + ConfigOptions.describeType(type),
                    e);
        }
    }

    @Override
    public String toString() {
        return key + " (default: " + defaultValue + ")";
    }
}
