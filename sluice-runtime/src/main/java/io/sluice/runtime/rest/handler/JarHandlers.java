package io.sluice.runtime.rest.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.api.common.JobID;
import io.sluice.runtime.blob.BlobKey;
import io.sluice.runtime.blob.BlobSizeLimitExceededException;
import io.sluice.runtime.blob.BlobStore;
import io.sluice.runtime.dispatcher.DispatcherGateway;
import io.sluice.runtime.jobgraph.SavepointRestoreSettings;
import io.sluice.runtime.rest.RestHandlerException;
import io.sluice.runtime.rest.RestRequest;
import io.sluice.runtime.rest.RestResponse;
import io.sluice.runtime.rest.messages.JarMessages.JarEntryInfo;
import io.sluice.runtime.rest.messages.JarMessages.JarFileInfo;
import io.sluice.runtime.rest.messages.JarMessages.JarListInfo;
import io.sluice.runtime.rest.messages.JarMessages.JarRunResponseBody;
import io.sluice.runtime.rest.messages.JarMessages.JarUploadResponseBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * {@code POST /jars/upload}, {@code GET /jars}, {@code POST /jars/:jarid/run} and {@code DELETE
 * /jars/:jarid}.
 *
 * <p>Uploads are multipart/form-data with a {@code jarfile} part, as in Flink. The content goes into
 * the {@link BlobStore} (a file named by its SHA-256); the jar id is {@code <sha256>_<file name>},
 * chosen here. The client's file name is metadata only and is checked to be a plain {@code .jar}
 * name (no separators, no {@code ..}); no part of a request is ever used as a path. The jar list is
 * kept in memory, so it is empty after a restart.
 *
 * <p>Running calls the program's {@code main} on {@code runExecutor} (not a REST thread) through
 * {@link JarProgramRunner}; the answer is the id of the job that {@code main} submitted.
 *
 * <p>Threading: handlers run concurrently on the REST threads; the jar table is a concurrent map.
 */
public final class JarHandlers {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_NAME_LENGTH = 200;

    private record UploadedJar(String id, String name, long uploaded, BlobKey key, String mainClass) {}

    private final BlobStore blobStore;
    private final long maxBytes;
    private final Clock clock;
    private final JarProgramRunner runner;
    private final Executor runExecutor;
    private final Map<String, UploadedJar> jars = new ConcurrentHashMap<>();

    /** @param clusterParallelism the parallelism of programs whose run request names none */
    public JarHandlers(
            BlobStore blobStore,
            long maxBytes,
            Clock clock,
            DispatcherGateway dispatcher,
            Executor runExecutor,
            int clusterParallelism) {
        this.blobStore = blobStore;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.runner = new JarProgramRunner(dispatcher, clusterParallelism);
        this.runExecutor = runExecutor;
    }

    // ------------------------------------------------------------------ upload

    public CompletableFuture<RestResponse> upload(RestRequest request) throws IOException {
        MultipartForm.Part part = MultipartForm.parse(request.body()).get("jarfile");
        if (part == null) {
            throw new RestHandlerException(
                    400,
                    "The upload has no 'jarfile' part: send multipart/form-data with the jar in a part named"
                            + " 'jarfile' (curl -F \"jarfile=@job.jar\")");
        }
        String name = checkFileName(part.filename());
        String mainClass = checkJar(name, part.content());
        BlobKey key;
        try {
            key = blobStore.put(new ByteArrayInputStream(part.content()), maxBytes);
        } catch (BlobSizeLimitExceededException e) {
            throw new RestHandlerException(413, "The jar '" + name + "' is larger than " + maxBytes + " bytes");
        }
        String id = key.hex() + "_" + name;
        jars.put(id, new UploadedJar(id, name, clock.millis(), key, mainClass));
        return CompletableFuture.completedFuture(RestResponse.ok(new JarUploadResponseBody(id, "success")));
    }

    /** The client's file name, if it is a plain jar name; never used as a path. */
    static String checkFileName(String filename) {
        if (filename == null || filename.isBlank()) {
            throw new RestHandlerException(
                    400, "The 'jarfile' part has no file name; send it as a file (filename=\"job.jar\")");
        }
        boolean bad = filename.contains("/")
                || filename.contains("\\")
                || filename.contains("..")
                || filename.contains(":")
                || filename.length() > MAX_NAME_LENGTH
                || filename.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        if (bad) {
            throw new RestHandlerException(
                    400,
                    "The file name '" + printable(filename) + "' is not allowed: send a plain file name"
                            + " ending in .jar, without path separators, '..' or control characters");
        }
        if (!filename.toLowerCase(java.util.Locale.ROOT).endsWith(".jar") || filename.length() == 4) {
            throw new RestHandlerException(
                    400, "Only jar files can be uploaded: '" + filename + "' does not end in .jar");
        }
        return filename;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(MAX_NAME_LENGTH).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** Checks the content opens as a jar with at least one entry; returns its Main-Class or null. */
    private static String checkJar(String name, byte[] content) {
        boolean zipMagic =
                content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (!zipMagic) {
            throw new RestHandlerException(
                    400, "The file '" + name + "' is not a jar: it does not start with the ZIP signature");
        }
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(content))) {
            int entries = 0;
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries++;
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            Manifest manifest = in.getManifest();
            if (entries == 0 && manifest == null) {
                throw new RestHandlerException(400, "The file '" + name + "' is not a jar: it has no entries");
            }
            String main = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            return main == null || main.isBlank() ? null : main.trim();
        } catch (IOException | RuntimeException e) {
            if (e instanceof RestHandlerException r) {
                throw r;
            }
            throw new RestHandlerException(400, "The file '" + name + "' is not a readable jar: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ list, delete

    public CompletableFuture<RestResponse> list(RestRequest request) {
        List<JarFileInfo> files = new ArrayList<>();
        jars.values().stream()
                .sorted(Comparator.comparingLong(UploadedJar::uploaded)
                        .reversed()
                        .thenComparing(UploadedJar::id))
                .forEach(j -> files.add(new JarFileInfo(
                        j.id(),
                        j.name(),
                        j.uploaded(),
                        j.mainClass() == null ? List.of() : List.of(new JarEntryInfo(j.mainClass(), null)))));
        return CompletableFuture.completedFuture(RestResponse.ok(new JarListInfo(files)));
    }

    public CompletableFuture<RestResponse> delete(RestRequest request) throws IOException {
        UploadedJar jar = jars.remove(request.pathParameter("jarid"));
        if (jar == null) {
            throw unknownJar(request.pathParameter("jarid"));
        }
        boolean stillUsed = jars.values().stream().anyMatch(j -> j.key().equals(jar.key()));
        if (!stillUsed) {
            blobStore.delete(jar.key());
        }
        return CompletableFuture.completedFuture(RestResponse.ok(Map.of()));
    }

    private static RestHandlerException unknownJar(String id) {
        return new RestHandlerException(
                404, "Jar '" + printable(id) + "' not found; GET /jars lists the uploaded jars");
    }

    // ------------------------------------------------------------------ run

    public CompletableFuture<RestResponse> run(RestRequest request) throws IOException {
        UploadedJar jar = jars.get(request.pathParameter("jarid"));
        if (jar == null) {
            throw unknownJar(request.pathParameter("jarid"));
        }
        JsonNode body = request.body().length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(request.body());
        if (!body.isObject()) {
            throw new RestHandlerException(400, "The run request body must be a JSON object, was: " + body);
        }
        Map<String, String> query = request.queryParameters();
        String entryClass = text(body, query, "entryClass");
        if (entryClass == null) {
            entryClass = jar.mainClass();
        }
        if (entryClass == null) {
            throw new RestHandlerException(
                    400, "The jar '" + jar.name() + "' has no Main-Class in its manifest; pass entryClass");
        }
        List<String> args = programArgs(body, query);
        Integer parallelism = parallelism(body, query);
        SavepointRestoreSettings restore = restoreSettings(body, query);
        Path file;
        try {
            file = blobStore.get(jar.key());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RestHandlerException(404, "The file of jar '" + jar.id() + "' is gone from the blob store");
        }
        String mainClass = entryClass;
        return CompletableFuture.supplyAsync(
                () -> {
                    JobID jobId = runner.run(file, jar.key(), jar.name(), mainClass, args, parallelism, restore);
                    return RestResponse.ok(new JarRunResponseBody(jobId.toHexString()));
                },
                runExecutor);
    }

    private static String text(JsonNode body, Map<String, String> query, String field) {
        JsonNode node = body.get(field);
        if (node != null && !node.isNull()) {
            if (!node.isTextual()) {
                throw new RestHandlerException(400, "'" + field + "' must be a string, was: " + node);
            }
            return node.asText().isBlank() ? null : node.asText().trim();
        }
        String q = query.get(field);
        return q == null || q.isBlank() ? null : q.trim();
    }

    private static List<String> programArgs(JsonNode body, Map<String, String> query) {
        JsonNode list = body.get("programArgsList");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new RestHandlerException(400, "'programArgsList' must be an array of strings, was: " + list);
            }
            List<String> out = new ArrayList<>();
            for (JsonNode n : list) {
                if (!n.isTextual()) {
                    throw new RestHandlerException(400, "'programArgsList' must hold strings only, found: " + n);
                }
                out.add(n.asText());
            }
            return out;
        }
        if (query.containsKey("programArgsList")) {
            return List.of(query.get("programArgsList").split(","));
        }
        String args = text(body, query, "programArgs");
        return args == null ? List.of() : tokenize(args);
    }

    /** Splits at white space; single or double quotes group words. */
    static List<String> tokenize(String args) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (char c : args.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inToken = false;
                }
            } else {
                cur.append(c);
                inToken = true;
            }
        }
        if (quote != 0) {
            throw new RestHandlerException(400, "'programArgs' has an unclosed quote: " + args);
        }
        if (inToken) {
            out.add(cur.toString());
        }
        return out;
    }

    /** {@code savepointPath} and {@code allowNonRestoredState} (Flink's names), from the body or the query. */
    private static SavepointRestoreSettings restoreSettings(JsonNode body, Map<String, String> query) {
        String path = text(body, query, "savepointPath");
        boolean allowNonRestored;
        JsonNode node = body.get("allowNonRestoredState");
        if (node != null && !node.isNull()) {
            if (!node.isBoolean()) {
                throw new RestHandlerException(400, "'allowNonRestoredState' must be true or false, was: " + node);
            }
            allowNonRestored = node.asBoolean();
        } else {
            String q = query.get("allowNonRestoredState");
            if (q != null && !q.equals("true") && !q.equals("false")) {
                throw new RestHandlerException(400, "'allowNonRestoredState' must be true or false, was: '" + q + "'");
            }
            allowNonRestored = "true".equals(q);
        }
        if (path == null) {
            if (allowNonRestored) {
                throw new RestHandlerException(
                        400, "'allowNonRestoredState' needs 'savepointPath', the checkpoint to restore from");
            }
            return SavepointRestoreSettings.none();
        }
        return SavepointRestoreSettings.forPath(path, allowNonRestored);
    }

    private static Integer parallelism(JsonNode body, Map<String, String> query) {
        JsonNode node = body.get("parallelism");
        Integer p = null;
        if (node != null && !node.isNull()) {
            if (!node.canConvertToInt() || !node.isIntegralNumber()) {
                throw new RestHandlerException(400, "'parallelism' must be an integer, was: " + node);
            }
            p = node.asInt();
        } else if (query.get("parallelism") != null) {
            try {
                p = Integer.parseInt(query.get("parallelism").trim());
            } catch (NumberFormatException e) {
                throw new RestHandlerException(
                        400, "'parallelism' must be an integer, was: '" + query.get("parallelism") + "'");
            }
        }
        if (p != null && p < 1 && p != -1) {
            throw new RestHandlerException(400, "'parallelism' must be positive (or -1 for the default), was: " + p);
        }
        return p == null || p == -1 ? null : p;
    }
}
