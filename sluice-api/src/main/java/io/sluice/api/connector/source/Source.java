package io.sluice.api.connector.source;

import io.sluice.api.io.SimpleVersionedSerializer;
import java.io.Serializable;

/**
 * A split-based source: an enumerator on the JobMaster discovers splits and assigns them; one
 * reader per parallel subtask reads them. The source object itself is serialized with the job.
 */
public interface Source<T, SplitT extends SourceSplit, EnumChkT> extends Serializable {
    Boundedness getBoundedness();

    SplitEnumerator<SplitT, EnumChkT> createEnumerator(SplitEnumeratorContext<SplitT> enumContext) throws Exception;

    SplitEnumerator<SplitT, EnumChkT> restoreEnumerator(SplitEnumeratorContext<SplitT> enumContext, EnumChkT checkpoint)
            throws Exception;

    SimpleVersionedSerializer<SplitT> getSplitSerializer();

    SimpleVersionedSerializer<EnumChkT> getEnumeratorCheckpointSerializer();

    SourceReader<T, SplitT> createReader(SourceReaderContext readerContext) throws Exception;
}
