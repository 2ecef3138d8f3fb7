package io.sluice.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} arguments of an example program. Hand-written so the example jar needs
 * nothing but the engine on its class path.
 */
final class ExampleArgs {
    private final String program;
    private final Map<String, String> values;

    private ExampleArgs(String program, Map<String, String> values) {
        this.program = program;
        this.values = values;
    }

    /**
     * Parses {@code args} as {@code --name value} pairs, each name one of {@code allowed}.
     *
     * @throws UsageException naming the offending argument and the allowed ones
     */
    static ExampleArgs parse(String program, String[] args, Set<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || !allowed.contains(arg.substring(2))) {
                throw new UsageException(program + ": unknown argument '" + arg + "'; allowed: " + usage(allowed));
            }
            String name = arg.substring(2);
            if (i + 1 >= args.length) {
                throw new UsageException(program + ": argument '" + arg + "' needs a value");
            }
            if (values.put(name, args[++i]) != null) {
                throw new UsageException(program + ": argument '" + arg + "' is given twice");
            }
        }
        return new ExampleArgs(program, values);
    }

    private static String usage(Set<String> allowed) {
        StringBuilder sb = new StringBuilder();
        allowed.stream().sorted().forEach(a -> sb.append(sb.length() == 0 ? "" : ", ")
                .append("--")
                .append(a)
                .append(" <value>"));
        return sb.toString();
    }

    /** The value of {@code --name}, or null when it was not given. */
    String get(String name) {
        return values.get(name);
    }

    /** The value of {@code --name} as a positive int, or {@code defaultValue} when not given. */
    int getPositiveInt(String name, int defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(program + ": --" + name + " must be a positive integer, was '" + v + "'");
    }

    /** A wrong command line; its message is the one line to print. */
    static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
