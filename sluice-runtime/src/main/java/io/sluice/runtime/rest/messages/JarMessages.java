package io.sluice.runtime.rest.messages;

import java.util.List;

/** Bodies of the jar routes, with Flink's field names. */
public final class JarMessages {
    private JarMessages() {}

    /** {@code POST /jars/upload}: {@code filename} is the jar id the server chose (never a server path). */
    public record JarUploadResponseBody(String filename, String status) {}

    /** One entry class of a jar: the manifest's {@code Main-Class}; description is always null. */
    public record JarEntryInfo(String name, String description) {}

    /** One uploaded jar: id, original file name (metadata only), upload time in epoch ms, entry classes. */
    public record JarFileInfo(String id, String name, long uploaded, List<JarEntryInfo> entry) {}

    /** {@code GET /jars}. */
    public record JarListInfo(List<JarFileInfo> files) {}

    /** {@code POST /jars/:jarid/run}. */
    public record JarRunResponseBody(String jobid) {}
}
