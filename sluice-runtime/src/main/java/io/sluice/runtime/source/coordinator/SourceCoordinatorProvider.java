package io.sluice.runtime.source.coordinator;

import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.runtime.operators.coordination.OperatorCoordinator;
import io.sluice.runtime.operators.coordination.OperatorID;

/**
 * Creates the {@link SourceCoordinator} of one source operator; stored (serialized) in the job
 * vertex and used by the JobMaster. Immutable.
 */
public final class SourceCoordinatorProvider<SplitT extends SourceSplit, EnumChkT>
        implements OperatorCoordinator.Provider {
    private static final long serialVersionUID = 1L;

    private final OperatorID operatorId;
    private final String sourceName;
    private final Source<?, SplitT, EnumChkT> source;

    public SourceCoordinatorProvider(OperatorID operatorId, Source<?, SplitT, EnumChkT> source) {
        this(operatorId, source.getClass().getSimpleName(), source);
    }

    /** @param sourceName the operator's name, used in thread names and error messages */
    public SourceCoordinatorProvider(OperatorID operatorId, String sourceName, Source<?, SplitT, EnumChkT> source) {
        this.operatorId = operatorId;
        this.sourceName = sourceName;
        this.source = source;
    }

    @Override
    public OperatorID getOperatorId() {
        return operatorId;
    }

    @Override
    public OperatorCoordinator create(OperatorCoordinator.Context context) {
        return new SourceCoordinator<>(sourceName, context, source);
    }
}
