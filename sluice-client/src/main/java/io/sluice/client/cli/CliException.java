package io.sluice.client.cli;

/**
 * A mistake on the command line or in what it names (jar, main class); its message is the one
 * line the CLI prints before it exits with {@link SluiceCli#EXIT_USAGE}.
 */
final class CliException extends Exception {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }
}
