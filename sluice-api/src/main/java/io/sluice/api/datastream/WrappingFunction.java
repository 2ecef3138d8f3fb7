package io.sluice.api.datastream;

import io.sluice.api.functions.AbstractRichFunction;
import io.sluice.api.functions.Function;
import io.sluice.api.functions.OpenContext;
import io.sluice.api.functions.RichFunction;
import io.sluice.api.functions.RuntimeContext;

/**
 * A function the API puts around a user function (joins and co-groups): passes the life cycle
 * (runtime context, open, close) on to it when it is a {@link RichFunction}.
 */
abstract class WrappingFunction<F extends Function> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    protected final F wrappedFunction;

    WrappingFunction(F wrappedFunction) {
        this.wrappedFunction = wrappedFunction;
    }

    @Override
    public void setRuntimeContext(RuntimeContext context) {
        super.setRuntimeContext(context);
        if (wrappedFunction instanceof RichFunction rich) {
            rich.setRuntimeContext(context);
        }
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        if (wrappedFunction instanceof RichFunction rich) {
            rich.open(openContext);
        }
    }

    @Override
    public void close() throws Exception {
        if (wrappedFunction instanceof RichFunction rich) {
            rich.close();
        }
    }
}
