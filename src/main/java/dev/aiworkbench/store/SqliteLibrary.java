package dev.aiworkbench.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;
import org.sqlite.util.OSInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
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
        String resourceFolder = resourceFolder(name);
        String resource = resourceFolder + "/" + name;
        Path folder = cache.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion())
                .resolve(resourceFolder.replaceFirst("^/org/sqlite/native/", ""));
        Path library = folder.resolve(name);
        if (!Files.isRegularFile(library)) {
            write(resource, library);
        }
        return folder;
    }

    /**
     * sqlite-jdbc's folder of native libraries for this platform, such as {@code /org/sqlite/native/Linux/x86_64}. On
     * Linux, sqlite-jdbc tells glibc from musl by resolving every file the process has mapped, which with the app's
     * jars and class cache mapped took 40 ms of each start; musl systems keep their loader at
     * {@code /lib/ld-musl-<arch>.so.1}, which is one directory read to find. Where that answer names no library in the
     * jar, sqlite-jdbc's own is used.
     */
    static String resourceFolder(String libraryName) {
        if (System.getProperty("os.name", "").contains("Linux")) {
            String folder = "/org/sqlite/native/" + (muslLoaderPresent() ? "Linux-Musl" : "Linux") + "/"
                    + OSInfo.getArchName();
            if (SQLiteJDBCLoader.class.getResource(folder + "/" + libraryName) != null) {
                return folder;
            }
        }
        return LibraryLoaderUtil.getNativeLibResourcePath();
    }

    private static boolean muslLoaderPresent() {
        try (DirectoryStream<Path> loaders = Files.newDirectoryStream(Path.of("/lib"), "ld-musl-*")) {
            return loaders.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
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
