package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelCachesTest {
    private static final Instant BUILT = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path dir;

    private Path file(String name, Instant modified) throws IOException {
        Path file = Files.writeString(dir.resolve(name), name);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    /** The cache and the stamp scripts/run-cache.sh writes beside it, for {@code jars} as they are now. */
    private Path cacheFor(Path... jars) throws IOException {
        StringBuilder stamps = new StringBuilder();
        for (Path jar : jars) {
            stamps.append(KernelCaches.stamp(jar)).append('\n');
        }
        Files.writeString(dir.resolve(KernelCaches.AGENT + ".jar"), stamps);
        return file(KernelCaches.AGENT, BUILT.plusSeconds(60));
    }

    @Test
    void aCacheMadeFromAnotherBuildOfTheJarIsNotPassedWhateverItsTime() throws IOException {
        Path jar = file("pageframe.jar", BUILT);
        cacheFor(jar);
        // Rebuilt, or copied: another size or time. The cache is newer than the jar, and still not for it (the JVM
        // would take the old build's classes from it).
        Files.writeString(jar, "pageframe.jar, rebuilt");
        Files.setLastModifiedTime(jar, FileTime.from(BUILT));
        KernelCaches caches = new KernelCaches(dir, false);
        assertEquals(List.of(), caches.agentOptions(List.of(jar)));
        assertEquals(Optional.empty(), caches.agentReads(List.of(jar)));
    }

    @Test
    void theAgentsCacheIsPassedForTheClassPathItWasMadeFrom() throws IOException {
        Path jar = file("pageframe.jar", BUILT);
        Path library = file("library.jar", BUILT.plusSeconds(120));
        Path cache = cacheFor(jar);
        KernelCaches caches = new KernelCaches(dir, false);
        assertEquals(List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off"), caches.agentOptions(List.of(jar)));
        assertEquals(Optional.of(cache), caches.agentReads(List.of(jar)));
        assertEquals(List.of(), caches.agentOptions(List.of(jar, library)), "made for the jar alone");
    }

    @Test
    void aCacheWithoutItsStampIsNotPassed() throws IOException {
        Path jar = file("pageframe.jar", BUILT);
        file(KernelCaches.AGENT, BUILT.plusSeconds(60));
        assertEquals(List.of(), new KernelCaches(dir, false).agentOptions(List.of(jar)));
    }

    @Test
    void aClassFolderOnTheClassPathGetsNoCache() throws IOException {
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Files.setLastModifiedTime(classes, FileTime.from(BUILT));
        file(KernelCaches.AGENT, BUILT.plusSeconds(60));
        assertEquals(List.of(), new KernelCaches(dir, false).agentOptions(List.of(classes)));
    }

    @Test
    void noCacheFileOrNoFolderMeansTheJvmsDefaults() throws IOException {
        Path jar = file("pageframe.jar", BUILT);
        assertEquals(List.of(), new KernelCaches(dir, false).agentOptions(List.of(jar)));
        assertEquals(List.of(), KernelCaches.NONE.agentOptions(List.of(jar)));
    }

    @Test
    void recordingMakesTheAgentWriteItsTrainingDataIntoTheFolderAndUsesNoCache() throws IOException {
        Path jar = file("pageframe.jar", BUILT);
        file(KernelCaches.AGENT, BUILT.plusSeconds(60));
        KernelCaches caches = new KernelCaches(dir, true);
        assertEquals(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + dir.resolve(KernelCaches.AGENT_CONFIGURATION)),
                caches.agentOptions(List.of(jar)));
        assertEquals(Optional.of(dir), caches.agentWrites());
        assertEquals(Optional.empty(), caches.agentReads(List.of(jar)));
        assertFalse(new KernelCaches(dir, false).agentWrites().isPresent());
    }

    @Test
    void theSystemPropertiesNameTheFolderAndTheRecording() {
        String folder = System.getProperty(KernelCaches.FOLDER_PROPERTY);
        String record = System.getProperty(KernelCaches.RECORD_PROPERTY);
        try {
            System.clearProperty(KernelCaches.FOLDER_PROPERTY);
            assertEquals(KernelCaches.NONE, KernelCaches.fromSystemProperties());
            System.setProperty(KernelCaches.FOLDER_PROPERTY, dir.toString());
            System.setProperty(KernelCaches.RECORD_PROPERTY, "true");
            KernelCaches caches = KernelCaches.fromSystemProperties();
            assertEquals(dir.toAbsolutePath().normalize(), caches.folder());
            assertTrue(caches.record());
            assertEquals(caches, KernelConfig.defaults().caches());
        } finally {
            restore(KernelCaches.FOLDER_PROPERTY, folder);
            restore(KernelCaches.RECORD_PROPERTY, record);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
