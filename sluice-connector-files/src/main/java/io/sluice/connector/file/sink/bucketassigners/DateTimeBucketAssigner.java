package io.sluice.connector.file.sink.bucketassigners;

import io.sluice.api.io.SimpleVersionedSerializer;
import io.sluice.connector.file.sink.BucketAssigner;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Buckets by the processing time at which an element is written, formatted with a
 * {@link DateTimeFormatter} pattern (default {@code "yyyy-MM-dd--HH"}, one bucket an hour) in a
 * time zone (default: the JVM's).
 */
public final class DateTimeBucketAssigner<IN> implements BucketAssigner<IN, String> {
    private static final long serialVersionUID = 1L;
    public static final String DEFAULT_FORMAT_STRING = "yyyy-MM-dd--HH";

    private final String formatString;
    private final ZoneId zoneId;
    private transient DateTimeFormatter formatter;

    public DateTimeBucketAssigner() {
        this(DEFAULT_FORMAT_STRING);
    }

    public DateTimeBucketAssigner(String formatString) {
        this(formatString, ZoneId.systemDefault());
    }

    public DateTimeBucketAssigner(ZoneId zoneId) {
        this(DEFAULT_FORMAT_STRING, zoneId);
    }

    public DateTimeBucketAssigner(String formatString, ZoneId zoneId) {
        this.formatString = Objects.requireNonNull(formatString, "formatString");
        this.zoneId = Objects.requireNonNull(zoneId, "zoneId");
        DateTimeFormatter.ofPattern(formatString); // fail at build time on a bad pattern
    }

    @Override
    public String getBucketId(IN element, Context context) {
        if (formatter == null) {
            formatter = DateTimeFormatter.ofPattern(formatString).withZone(zoneId);
        }
        return formatter.format(Instant.ofEpochMilli(context.currentProcessingTime()));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "DateTimeBucketAssigner{formatString='" + formatString + "', zoneId=" + zoneId + '}';
    }
}
