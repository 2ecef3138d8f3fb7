package io.sluice.runtime.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/**
 * A stream of snapshot bytes that a checkpoint refers to: a file in the checkpoint directory, or
 * small bytes kept inline. Handles travel with acknowledgements to the JobMaster, into the
 * checkpoint's {@code _metadata}, and back to the tasks on restore.
 */
public interface StreamStateHandle extends Serializable {
    InputStream openInputStream() throws IOException;

    /** The number of bytes. */
    long getStateSize();

    /** Deletes what the handle refers to (nothing for inline bytes). Idempotent. */
    void discardState() throws IOException;

    /** Where the bytes are, for error messages ("file /x/chk-3/ab12" or "inline bytes of ..."). */
    String describe();
}
