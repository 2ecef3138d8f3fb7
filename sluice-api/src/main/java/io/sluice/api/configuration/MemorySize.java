package io.sluice.api.configuration;

import java.io.Serializable;
import java.util.Locale;

/** A number of bytes, parsed from "123", "32kb", "64 mb", "1g". */
public record MemorySize(long bytes) implements Serializable {
    public static MemorySize parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("not a memory size: " + text);
        }
        long n = Long.parseLong(s.substring(0, i));
        long mult =
                switch (s.substring(i)) {
                    case "", "b", "bytes" -> 1L;
                    case "k", "kb", "kib" -> 1L << 10;
                    case "m", "mb", "mib" -> 1L << 20;
                    case "g", "gb", "gib" -> 1L << 30;
                    case "t", "tb", "tib" -> 1L << 40;
                    default -> throw new IllegalArgumentException("unknown unit in memory size: " + text);
                };
        return new MemorySize(Math.multiplyExact(n, mult));
    }

    public static MemorySize ofMebiBytes(long mb) {
        return new MemorySize(mb << 20);
    }

    @Override
    public String toString() {
        if (bytes % (1L << 20) == 0 && bytes != 0) {
            return (bytes >> 20) + "mb";
        }
        if (bytes % (1L << 10) == 0 && bytes != 0) {
            return (bytes >> 10) + "kb";
        }
        return bytes + "b";
    }
}
