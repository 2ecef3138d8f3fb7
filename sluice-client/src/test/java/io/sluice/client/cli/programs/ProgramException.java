package io.sluice.client.cli.programs;

/** The user's own exception type, which a client must get back as itself. */
public final class ProgramException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProgramException(String message) {
        super(message);
    }
}
