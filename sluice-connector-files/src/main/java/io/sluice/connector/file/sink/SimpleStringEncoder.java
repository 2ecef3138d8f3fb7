package io.sluice.connector.file.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Writes each element's {@code toString()} in a charset (UTF-8 by default), then {@code '\n'}. */
public final class SimpleStringEncoder<IN> implements Encoder<IN> {
    private static final long serialVersionUID = 1L;

    private final String charsetName;
    private transient Charset charset;

    public SimpleStringEncoder() {
        this(StandardCharsets.UTF_8.name());
    }

    public SimpleStringEncoder(String charsetName) {
        this.charsetName = Charset.forName(charsetName).name();
    }

    @Override
    public void encode(IN element, OutputStream stream) throws IOException {
        if (charset == null) {
            charset = Charset.forName(charsetName);
        }
        stream.write(String.valueOf(element).getBytes(charset));
        stream.write('\n');
    }
}
