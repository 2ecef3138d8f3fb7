package io.sluice.runtime.rpc;

/** A call reached an endpoint that has already stopped (its job ended, or the cluster is shutting down). */
public final class EndpointStoppedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public EndpointStoppedException(String endpointName) {
        super("Endpoint '" + endpointName + "' has stopped and accepts no more calls; the component it belonged to"
                + " has shut down (its job ended or the cluster is closing)");
    }
}
