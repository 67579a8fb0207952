package dev.aiworkbench.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where sqlite-jdbc loads its native library from. Left to itself it writes the library out of its jar into the temp
 * folder on every start and deletes it at exit: 0.5-0.9 s of every command on the loaded build machine (bench/README.md).
 * Here it is written once into a cache folder, under the sqlite-jdbc version and the platform, and loaded from there
 * through sqlite-jdbc's own {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}. If that copy will not load,
 * sqlite-jdbc goes on to extract the library as before, so a bad cache costs time, never the database.
 */
public final class SqliteLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteLibrary.class);
    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final AtomicBoolean CHOSEN = new AtomicBoolean();

    private SqliteLibrary() {
    }

    /**
     * Points sqlite-jdbc at the copy under {@code cache}, writing it first if it is not there. Call it before the
     * first database of the process is opened; later calls, and any call when the library path was set from outside,
     * change nothing.
     */
    public static void useCopyIn(Path cache) {
        if (System.getProperty(PATH_PROPERTY) != null || !CHOSEN.compareAndSet(false, true)) {
            return;
        }
        try {
            Path folder = copyIn(cache);
            System.setProperty(PATH_PROPERTY, folder.toString());
            System.setProperty(NAME_PROPERTY, LibraryLoaderUtil.getNativeLibName());
        } catch (IOException | RuntimeException e) {
            LOG.debug("sqlite-jdbc extracts its native library itself: no copy in {}", cache, e);
        }
    }

    /** The folder under {@code cache} that holds this sqlite-jdbc's library for this platform, written if missing. */
    static Path copyIn(Path cache) throws IOException {
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        Path folder = cache.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion())
                .resolve(LibraryLoaderUtil.getNativeLibResourcePath().replaceFirst("^/org/sqlite/native/", ""));
        Path library = folder.resolve(name);
        if (!Files.isRegularFile(library)) {
            write(resource, library);
        }
        return folder;
    }

    /** Written beside its place and moved in whole, so another process never loads half a library. */
    private static void write(String resource, Path library) throws IOException {
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("sqlite-jdbc has no native library " + resource + " for this platform");
            }
            AtomicFiles.write(library, in::transferTo);
        }
    }
}
