package io.sluice.connector.file.sink.bucketassigners;

import io.sluice.api.io.SimpleVersionedSerializer;
import io.sluice.connector.file.sink.BucketAssigner;

/** Every element goes to the base path itself (bucket id {@code ""}). */
public final class BasePathBucketAssigner<IN> implements BucketAssigner<IN, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(IN element, Context context) {
        return "";
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "BasePathBucketAssigner";
    }
}
