package io.sluice.runtime.rest.handler;

import io.sluice.runtime.rest.RestHandlerException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal multipart/form-data parser (RFC 7578) for jar uploads. The boundary is taken from the
 * body's first line ({@code --boundary}), so no header is needed. Malformed bodies fail with 400.
 */
final class MultipartForm {
    private MultipartForm() {}

    /** One part: its form field name, the file name the client sent (may be null) and its bytes. */
    record Part(String name, String filename, byte[] content) {}

    private static final Pattern NAME = Pattern.compile("(?i)[;\\s]name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i)[;\\s]filename=\"([^\"]*)\"");

    /** The parts by field name (the first part wins for repeated names). */
    static Map<String, Part> parse(byte[] body) {
        // ISO-8859-1 maps every byte to one char, so string indices are byte offsets.
        String s = new String(body, StandardCharsets.ISO_8859_1);
        int firstEol = s.indexOf("\r\n");
        if (!s.startsWith("--") || firstEol < 3) {
            throw malformed("it does not start with a '--boundary' line");
        }
        String delimiter = "\r\n" + s.substring(0, firstEol);
        Map<String, Part> parts = new LinkedHashMap<>();
        int pos = firstEol + 2;
        while (true) {
            int headersEnd = s.indexOf("\r\n\r\n", pos);
            if (headersEnd < 0) {
                throw malformed("a part has no blank line after its headers");
            }
            String headers = new String(
                    s.substring(pos, headersEnd).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int next = s.indexOf(delimiter, contentStart);
            if (next < 0) {
                throw malformed("the closing boundary is missing (was the upload cut short?)");
            }
            String disposition = null;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                    disposition = line;
                }
            }
            if (disposition == null) {
                throw malformed("a part has no Content-Disposition header");
            }
            Matcher name = NAME.matcher(disposition);
            if (!name.find()) {
                throw malformed("a part's Content-Disposition has no name");
            }
            Matcher filename = FILENAME.matcher(disposition);
            parts.putIfAbsent(
                    name.group(1),
                    new Part(
                            name.group(1),
                            filename.find() ? filename.group(1) : null,
                            Arrays.copyOfRange(body, contentStart, next)));
            pos = next + delimiter.length();
            if (s.startsWith("--", pos)) {
                return parts;
            }
            if (!s.startsWith("\r\n", pos)) {
                throw malformed("a boundary is not followed by a line break");
            }
            pos += 2;
        }
    }

    private static RestHandlerException malformed(String why) {
        return new RestHandlerException(
                400, "The upload is not valid multipart/form-data: " + why + "; send the jar in a 'jarfile' part");
    }
}
