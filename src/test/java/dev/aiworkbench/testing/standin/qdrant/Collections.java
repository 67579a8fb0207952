package dev.aiworkbench.testing.standin.qdrant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The collections, kept under the storage folder ({@code /qdrant/storage} in the container, where Qdrant keeps
 * its data) as one JSON file each, written whole after every change and read back at start, so a Docker volume
 * there keeps them across container restarts. One lock serialises every operation: the labs' data is small.
 */
final class Collections {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[^/\\\\\\u0000]{1,255}");

    private final Path folder;
    private final Map<String, Collection> collections = new TreeMap<>();

    Collections(Path storage) throws IOException {
        this.folder = storage.resolve("collections");
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                collections.put(name, Collection.restored(JSON.readTree(file.toFile())));
            }
        }
    }

    synchronized List<String> names() {
        return List.copyOf(collections.keySet());
    }

    synchronized boolean exists(String name) {
        return collections.containsKey(name);
    }

    synchronized void create(String name, JsonNode body) {
        if (!NAME.matcher(name).matches() || name.startsWith(".")) {
            throw QdrantError.badRequest("Validation error in path parameters: [name: collection name must not"
                    + " contain / \\ or a null character, and must not start with a dot]");
        }
        if (collections.containsKey(name)) {
            throw new QdrantError(409, "Wrong input: Collection `" + name + "` already exists!");
        }
        Collection created = new Collection(body);
        collections.put(name, created);
        save(name, created);
    }

    synchronized void delete(String name) {
        if (collections.remove(name) == null) {
            throw QdrantError.missingCollection(name);
        }
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a collection under the lock. */
    synchronized <T> T read(String name, Function<Collection, T> reading) {
        return reading.apply(get(name));
    }

    /** Changes a collection under the lock and writes it to storage. */
    synchronized <T> T change(String name, Function<Collection, T> changing) {
        Collection collection = get(name);
        T result = changing.apply(collection);
        save(name, collection);
        return result;
    }

    private Collection get(String name) {
        Collection collection = collections.get(name);
        if (collection == null) {
            throw QdrantError.missingCollection(name);
        }
        return collection;
    }

    private void save(String name, Collection collection) {
        Path file = file(name);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            JSON.writeValue(partial.toFile(), collection.stored());
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String name) {
        return folder.resolve(name + ".json");
    }
}
