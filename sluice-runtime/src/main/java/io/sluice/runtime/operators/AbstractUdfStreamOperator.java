package io.sluice.runtime.operators;

import io.sluice.api.functions.Function;
import io.sluice.api.functions.OpenContext;
import io.sluice.api.functions.RichFunction;

/** An operator around one user function: gives it its runtime context and opens and closes it. */
public abstract class AbstractUdfStreamOperator<OUT, F extends Function> extends AbstractStreamOperator<OUT> {
    private static final OpenContext OPEN_CONTEXT = new OpenContext() {};

    protected final F userFunction;
    private boolean functionOpened;

    protected AbstractUdfStreamOperator(F userFunction) {
        this.userFunction = userFunction;
    }

    public F getUserFunction() {
        return userFunction;
    }

    @Override
    public void setup(StreamOperatorParameters<OUT> parameters) {
        super.setup(parameters);
        if (userFunction instanceof RichFunction rich) {
            rich.setRuntimeContext(runtimeContext);
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (userFunction instanceof RichFunction rich) {
            functionOpened = true;
            rich.open(OPEN_CONTEXT);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (functionOpened && userFunction instanceof RichFunction rich) {
                functionOpened = false;
                rich.close();
            }
        } finally {
            super.close();
        }
    }
}
