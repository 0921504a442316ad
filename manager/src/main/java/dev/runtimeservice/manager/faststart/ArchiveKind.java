package dev.runtimeservice.manager.faststart;

import java.util.List;

/**
 * The class archive a JDK can record in a training run and map at later starts. Java 25 and later have the AOT
 * cache (JEP 483/514), which also keeps classes linked and loaded; earlier JDKs have the dynamic class data sharing
 * archive. Either one is written by the JVM as a training run exits.
 *
 * @param fileName the archive's name in its cache entry
 * @param recordOption the option that records it at exit, followed by its path
 * @param useOption the option that maps it at start, followed by its path
 * @param fallback the option that lets the JVM start without the archive if it cannot use it, if one is needed
 *     (the AOT cache does so by default and refuses {@code -Xshare} options beside it)
 * @param recordLogging the JVM's log settings while it records: its warnings about each class it leaves out (about
 *     50 on Java 17, 400-500 on Java 25) filled the agent's log at its first stop; errors are still logged
 */
record ArchiveKind(
        String fileName, String recordOption, String useOption, List<String> fallback, List<String> recordLogging) {

    static final ArchiveKind CDS = new ArchiveKind(
            "app.jsa",
            "-XX:ArchiveClassesAtExit=",
            "-XX:SharedArchiveFile=",
            List.of("-Xshare:auto"),
            List.of("-Xlog:cds*=error"));
    static final ArchiveKind AOT_CACHE = new ArchiveKind(
            "app.aot",
            "-XX:AOTCacheOutput=",
            "-XX:AOTCache=",
            List.of(),
            List.of("-Xlog:aot*=error", "-Xlog:cds*=error"));
    private static final int AOT_CACHE_SINCE = 25;

    /** The kind for agents run by this JVM's java, which is the one the manager runs them with. */
    static ArchiveKind forThisJdk() {
        return Runtime.version().feature() >= AOT_CACHE_SINCE ? AOT_CACHE : CDS;
    }
}
