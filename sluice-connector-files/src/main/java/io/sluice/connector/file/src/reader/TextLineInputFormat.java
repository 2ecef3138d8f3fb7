package io.sluice.connector.file.src.reader;

import io.sluice.api.common.ResultTypeQueryable;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeinfo.Types;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a file as UTF-8 text lines ending with {@code \n}, {@code \r\n} (or a lone {@code \r});
 * the terminators are not part of the records. A last line without a terminator is a record; an
 * empty file has none. Immutable.
 */
public final class TextLineInputFormat implements StreamFormat<String>, ResultTypeQueryable<String> {
    private static final long serialVersionUID = 1L;
    private static final int BUFFER_SIZE = 64 * 1024;

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }

    @Override
    public Reader<String> createReader(InputStream stream) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), BUFFER_SIZE);
        return new Reader<>() {
            @Override
            public String read() throws IOException {
                return lines.readLine();
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }
}
