package io.sluice.api.connector.sink;

import java.io.IOException;
import java.io.Serializable;

/** Creates one writer per parallel subtask. The sink object is serialized with the job. */
public interface Sink<InputT> extends Serializable {
    SinkWriter<InputT> createWriter(WriterInitContext context) throws IOException;
}
