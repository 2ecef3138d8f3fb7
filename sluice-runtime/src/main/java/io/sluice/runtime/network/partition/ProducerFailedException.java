package io.sluice.runtime.network.partition;

import java.io.IOException;

/** Thrown to a consumer whose producer's partition was released before it finished (producer failed or was canceled). */
public final class ProducerFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProducerFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
