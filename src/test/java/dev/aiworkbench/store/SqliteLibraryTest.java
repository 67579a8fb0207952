package dev.aiworkbench.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** sqlite-jdbc's native library is written into the cache once per version and platform, then found there. */
class SqliteLibraryTest {
    @TempDir
    Path cache;

    private static byte[] shipped() throws IOException {
        String name = LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theLibraryIsWrittenOnceUnderItsVersionAndPlatform() throws IOException {
        Path folder = SqliteLibrary.copyIn(cache);
        Path library = folder.resolve(LibraryLoaderUtil.getNativeLibName());

        assertThat(cache.relativize(folder).toString().replace('\\', '/'))
                .startsWith("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "/");
        assertThat(Files.readAllBytes(library)).isEqualTo(shipped());
        try (var left = Files.list(folder)) {
            assertThat(left).containsExactly(library);
        }

        FileTime written = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(library, written);
        assertThat(SqliteLibrary.copyIn(cache)).isEqualTo(folder);
        assertThat(Files.getLastModifiedTime(library)).isEqualTo(written);
    }

    @Test
    void theQuickLookForThePlatformsLibraryFindsTheOneSqliteJdbcWouldChoose() {
        assertThat(SqliteLibrary.resourceFolder(LibraryLoaderUtil.getNativeLibName()))
                .isEqualTo(LibraryLoaderUtil.getNativeLibResourcePath());
    }
}
