package io.sluice.api.util;

import java.util.Iterator;

/** An iterator over a resource that must be closed, such as the results of a running job. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
    @Override
    void close() throws Exception;
}
