package io.sluice.connector.file.sink;

import io.sluice.api.io.SimpleVersionedSerializer;
import java.io.Serializable;

/**
 * Chooses the bucket (a subdirectory of the sink's base path, named by the bucket id's
 * {@code toString()}; the empty id means the base path itself) of each element. Task thread.
 */
public interface BucketAssigner<IN, BucketID> extends Serializable {
    BucketID getBucketId(IN element, Context context);

    SimpleVersionedSerializer<BucketID> getSerializer();

    /** About the element being assigned. */
    interface Context {
        long currentProcessingTime();

        long currentWatermark();

        /** The element's event timestamp, or null if it has none. */
        Long timestamp();
    }
}
