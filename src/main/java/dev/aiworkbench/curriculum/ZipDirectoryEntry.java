package dev.aiworkbench.curriculum;

/**
 * One record of a zip's central directory as its bytes say it, before any reader interprets it: the sizes are
 * what the zip declares, which {@link ZipScreen} holds it to.
 *
 * @param versionMadeBy the system that wrote the entry in the high byte (3 for Unix), which says how to read
 *                      {@code externalAttributes}
 * @param externalAttributes for Unix, the file's mode (type and permissions) in the high 16 bits; for MS-DOS,
 *                           its attribute bits (0x10 a folder) in the low byte
 */
record ZipDirectoryEntry(String name, int versionMadeBy, int flags, int method, long crc, long compressedSize,
                         long size, long externalAttributes) {
    static final int STORED = 0;
    static final int DEFLATED = 8;
    private static final int ENCRYPTED_FLAG = 1;
    private static final int UNIX = 3;
    private static final int MAC_OS_X = 19;
    private static final int DOS_FOLDER = 0x10;
    static final int TYPE_MASK = 0170000;
    static final int REGULAR_FILE = 0100000;
    static final int FOLDER = 0040000;
    static final int SYMBOLIC_LINK = 0120000;

    boolean namedAsFolder() {
        return name.endsWith("/");
    }

    boolean encrypted() {
        return (flags & ENCRYPTED_FLAG) != 0;
    }

    /** The Unix file type bits of the mode, or 0 where the writer recorded none. */
    int unixType() {
        int host = versionMadeBy >>> 8;
        return host == UNIX || host == MAC_OS_X ? (int) (externalAttributes >>> 16) & TYPE_MASK : 0;
    }

    /** Whether the attributes mark the entry as a folder, whatever its name says. */
    boolean markedAsFolder() {
        int type = unixType();
        return type == 0 ? (externalAttributes & DOS_FOLDER) != 0 : type == FOLDER;
    }
}
