package io.sluice.api.functions;

/** Base class of the rich functions: keeps the runtime context. */
public abstract class AbstractRichFunction implements RichFunction {
    private transient RuntimeContext runtimeContext;

    @Override
    public void setRuntimeContext(RuntimeContext context) {
        this.runtimeContext = context;
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        if (runtimeContext == null) {
            throw new IllegalStateException(
                    "The runtime context has not been set yet: it is available from open() on.");
        }
        return runtimeContext;
    }
}
