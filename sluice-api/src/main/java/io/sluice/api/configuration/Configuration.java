package io.sluice.api.configuration;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * String keys to string values, read through typed {@link ConfigOption}s. Values are parsed when
 * read, and a malformed value fails with a message naming the key. Not thread-safe for writes.
 */
public class Configuration implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TreeMap<String, String> values = new TreeMap<>();

    public Configuration() {}

    public Configuration(Configuration other) {
        values.putAll(other.values);
    }

    public <T> T get(ConfigOption<T> option) {
        String raw = values.get(option.key());
        return raw == null ? option.defaultValue() : option.parse(raw);
    }

    public <T> Configuration set(ConfigOption<T> option, T value) {
        String text = value instanceof java.time.Duration d ? d.toMillis() + " ms" : String.valueOf(value);
        values.put(option.key(), text);
        return this;
    }

    public Configuration setString(String key, String value) {
        values.put(key, value);
        return this;
    }

    public String getString(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    public boolean contains(ConfigOption<?> option) {
        return values.containsKey(option.key());
    }

    public Configuration addAll(Configuration other) {
        values.putAll(other.values);
        return this;
    }

    public Map<String, String> toMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
