package dev.aiworkbench.curriculum;

/**
 * The bounds a pack's files must keep, so that a hostile zip cannot exhaust the machine: how many files, how large
 * one may be, and how large all of them together.
 */
public record ArchiveLimits(int maxFiles, long maxEntryBytes, long maxTotalBytes) {
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(PackLocation.MAX_FILES,
            PackLocation.MAX_FILE_BYTES * 4, PackLocation.MAX_TOTAL_BYTES);

    /** A byte count as people read it: whole megabytes or kilobytes where it is one, else bytes. */
    static String size(long bytes) {
        long mega = 1024 * 1024;
        if (bytes >= mega && bytes % mega == 0) {
            return bytes / mega + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
