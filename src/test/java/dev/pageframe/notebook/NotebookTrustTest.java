package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookTrustTest {
    @TempDir
    Path home;

    private Path configDir() {
        return home.resolve("config").resolve("pageframe");
    }

    private NotebookTrust trust() {
        return new NotebookTrust(configDir());
    }

    private static Notebook withOutput(String text) {
        Cell cell = Cell.code("print()").withExecutionCount(1).withOutputs(List.of(Output.Stream.stdout(text)));
        return Notebook.newEmpty().withCells(List.of(Cell.markdown("# Lesson"), cell));
    }

    @Test
    void signedNotebookIsTrusted() throws IOException {
        Notebook nb = withOutput("hello\n");
        trust().sign(nb);
        assertTrue(trust().isTrusted(nb));
        assertEquals(NotebookTrust.Reason.SIGNED_HERE, trust().check(nb).reason());
        assertTrue(trust().explain(nb).startsWith("Trusted"));
    }

    @Test
    void aSealVouchesForExactlyItsNotebookWithoutARecordAndAnyOtherSealIsNothing() throws IOException {
        Notebook copy = withOutput("hello\n");
        String seal = trust().seal(copy);
        assertTrue(trust().check(copy, seal).trusted());
        assertFalse(trust().isTrusted(copy), "a seal is kept with the copy, not in the record");
        assertFalse(trust().check(withOutput("changed\n"), seal).trusted(), "the seal of other content");
        assertFalse(trust().check(copy, "0".repeat(seal.length())).trusted());
        assertFalse(trust().check(copy, null).trusted());
        assertFalse(new NotebookTrust(home.resolve("elsewhere")).check(copy, seal).trusted(), "another secret");
    }

    @Test
    void notebookFromElsewhereIsUntrustedAndSaysWhy() throws IOException {
        Notebook nb = withOutput("hello\n");
        assertFalse(trust().isTrusted(nb));
        assertEquals("Not trusted: it was not signed on this computer, so it probably came from someone else and "
                + "its outputs were not produced by you here.", trust().explain(nb));
        assertFalse(Files.exists(configDir()), "checking trust creates nothing");
        trust().sign(withOutput("unrelated\n").withCells(List.of(Cell.markdown("other"))));
        assertEquals(NotebookTrust.Reason.NOT_SIGNED_HERE, trust().check(nb).reason());
    }

    @Test
    void changedNotebookSaysItChangedSinceItWasSigned() throws IOException {
        Notebook nb = withOutput("hello\n");
        trust().sign(nb);
        Cell code = nb.cells().get(1);
        Notebook tampered = nb.withCell(1, code.withOutputs(List.of(Output.Stream.stdout("rm -rf ~\n"))));
        assertFalse(trust().isTrusted(tampered));
        NotebookTrust.Verdict v = trust().check(tampered);
        assertEquals(NotebookTrust.Reason.CHANGED_SINCE_SIGNED, v.reason());
        assertTrue(v.explanation().contains("changed since it was last signed on this computer"), v.explanation());
    }

    private static Notebook withIds(String... ids) {
        List<Cell> cells = new java.util.ArrayList<>();
        for (String id : ids) {
            cells.add(Cell.code("work(\"" + id + "\");").withId(id));
        }
        return Notebook.newEmpty().withCells(cells);
    }

    @Test
    void aNeverSignedNotebookSharingOneCellIdWithASignedOneIsNotCalledChanged() throws IOException {
        trust().sign(withIds("setup", "alloc", "free", "report"));
        NotebookTrust.Verdict v = trust().check(withIds("setup", "zones", "watermarks", "reclaim"));
        assertEquals(NotebookTrust.Reason.NOT_SIGNED_HERE, v.reason());
        assertFalse(v.explanation().contains("changed since"), v.explanation());
    }

    @Test
    void aSignedNotebookWithCellsAddedIsStillCalledChanged() throws IOException {
        trust().sign(withIds("setup", "alloc", "free"));
        assertEquals(NotebookTrust.Reason.CHANGED_SINCE_SIGNED,
                trust().check(withIds("setup", "alloc", "free", "added")).reason());
    }

    @Test
    void aNotebookWhoseContentIsABundledOneIsTrustedAsBundled() throws IOException {
        Notebook bundled = withOutput("from the tour\n");
        NotebookTrust withBundled = trust().withBundled(() -> List.of(withIds("other"), bundled));
        // As read back from a file someone opened by path: equal content, a different object.
        Notebook opened = new NotebookReader().readString(NotebookWriter.toJson(bundled), "tour.ipynb").notebook();
        NotebookTrust.Verdict v = withBundled.check(opened);
        assertTrue(v.trusted());
        assertEquals(NotebookTrust.Reason.BUNDLED, v.reason());
        assertEquals("Trusted: it is one of the notebooks that come with Pageframe, unchanged.", v.explanation());
        assertFalse(Files.exists(configDir()), "checking trust creates nothing");
    }

    @Test
    void anEditedCopyOfABundledNotebookIsNotTrusted() throws IOException {
        Notebook bundled = withOutput("from the tour\n");
        NotebookTrust withBundled = trust().withBundled(() -> List.of(bundled));
        Notebook edited = bundled.withCell(1, bundled.cells().get(1).withSource("rm()"));
        assertEquals(NotebookTrust.Reason.NOT_SIGNED_HERE, withBundled.check(edited).reason());
    }

    @Test
    void anotherComputersSignatureMeansNothingHere() throws IOException {
        Notebook nb = withOutput("hello\n");
        new NotebookTrust(home.resolve("other-user")).sign(nb);
        assertFalse(trust().isTrusted(nb));
    }

    @Test
    void sameContentStaysTrustedAfterASaveAndReload() throws IOException {
        Notebook nb = withOutput("héllo 😀\n");
        trust().sign(nb);
        Path file = home.resolve("n.ipynb");
        new NotebookFiles().save(file, nb);
        assertTrue(trust().isTrusted(new NotebookFiles().load(file).notebook()));
    }

    @Test
    void signatureIsNeverStoredInTheNotebook() throws IOException {
        Notebook nb = withOutput("x\n");
        String before = NotebookWriter.toJson(nb);
        trust().sign(nb);
        assertEquals(before, NotebookWriter.toJson(nb));
        assertFalse(before.contains("signature"));
    }

    @Test
    void aStaleSignatureInMetadataDoesNotChangeTheVerdict() throws IOException {
        Notebook nb = withOutput("x\n");
        trust().sign(nb);
        ObjectNode md = nb.metadata();
        md.put("signature", "sha256:0123");
        assertTrue(trust().isTrusted(nb.withMetadata(md)));
    }

    @Test
    void secretIsPrivateAndTheDirectoryIsOwnerOnly() throws IOException {
        trust().sign(withOutput("x\n"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(configDir())));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(configDir().resolve(NotebookTrust.SECRET_FILE))));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(configDir().resolve(NotebookTrust.SIGNATURES_FILE))));
    }

    @Test
    void looseExistingConfigDirectoryIsTightened() throws IOException {
        Files.createDirectories(configDir());
        Files.setPosixFilePermissions(configDir(), PosixFilePermissions.fromString("rwxr-xr-x"));
        trust().sign(withOutput("x\n"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(configDir())));
    }

    @Test
    void secretIsMadeOnceAndReused() throws IOException {
        byte[] first = trust().loadOrCreateSecret();
        byte[] again = new NotebookTrust(configDir()).loadOrCreateSecret();
        assertEquals(32, first.length);
        assertTrue(java.util.Arrays.equals(first, again));
    }

    @Test
    void concurrentSignersLoseNoSignature() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Notebook> notebooks = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            notebooks.add(withOutput("run " + i + "\n"));
        }
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Notebook nb : notebooks) {
                // A fresh instance per task, like separate windows each holding their own NotebookTrust.
                done.add(pool.submit(() -> {
                    new NotebookTrust(configDir()).sign(nb);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (Notebook nb : notebooks) {
            assertTrue(trust().isTrusted(nb));
        }
        long records = Files.readAllLines(configDir().resolve(NotebookTrust.SIGNATURES_FILE)).stream()
                .filter(l -> !l.startsWith("#")).count();
        assertEquals(160, records);
    }

    @Test
    void signingTwiceKeepsOneRecord() throws IOException {
        Notebook nb = withOutput("x\n");
        trust().sign(nb);
        trust().sign(nb);
        assertEquals(2, Files.readAllLines(configDir().resolve(NotebookTrust.SIGNATURES_FILE)).size(), "header + one");
    }

    @Test
    void tornOrDamagedLinesAreIgnored() throws IOException {
        Notebook nb = withOutput("x\n");
        trust().sign(nb);
        Path db = configDir().resolve(NotebookTrust.SIGNATURES_FILE);
        Files.write(db, new byte[] {'z', (byte) 0xFF, '\n', 'a', 'b', 'c'}, StandardOpenOption.APPEND);
        assertTrue(trust().isTrusted(nb));
        Notebook other = withOutput("y\n");
        trust().sign(other);
        assertTrue(trust().isTrusted(other));
    }

    @Test
    void oldestSignaturesAreCulledPastTheLimit() throws IOException {
        Path db = configDir().resolve(NotebookTrust.SIGNATURES_FILE);
        Notebook oldest = withOutput("oldest\n");
        trust().sign(oldest);
        StringBuilder filler = new StringBuilder();
        for (int i = 0; i < NotebookTrust.MAX_SIGNATURES - 1; i++) {
            filler.append(String.format("%064x", i)).append(" -\n");
        }
        Files.writeString(db, filler, StandardOpenOption.APPEND);
        Notebook newest = withOutput("newest\n");
        trust().sign(newest);
        long records = Files.readAllLines(db).stream().filter(l -> !l.startsWith("#")).count();
        assertEquals(NotebookTrust.KEEP_AFTER_CULL, records);
        assertTrue(trust().isTrusted(newest));
        assertFalse(trust().isTrusted(oldest));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
    }

    @Test
    void damagedSecretMeansUntrustedWithAReason() throws IOException {
        Notebook nb = withOutput("x\n");
        trust().sign(nb);
        Files.writeString(configDir().resolve(NotebookTrust.SECRET_FILE), "not base64 !!!");
        NotebookTrust.Verdict v = trust().check(nb);
        assertFalse(v.trusted());
        assertEquals(NotebookTrust.Reason.TRUST_STORE_UNREADABLE, v.reason());
        assertTrue(v.explanation().contains("could not read"), v.explanation());
    }

    @Test
    void configDirFollowsXdgConfigHome() {
        assertEquals(Path.of("/x/cfg/pageframe"), NotebookTrust.defaultConfigDir(Map.of("XDG_CONFIG_HOME", "/x/cfg"), "/home/u"));
        assertEquals(Path.of("/home/u/.config/pageframe"), NotebookTrust.defaultConfigDir(Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.config/pageframe"),
                NotebookTrust.defaultConfigDir(Map.of("XDG_CONFIG_HOME", "relative"), "/home/u"), "relative values are ignored");
    }

    @Test
    void signatureIsHmacSha256OfTheCanonicalFile() throws Exception {
        Notebook nb = withOutput("x\n");
        byte[] secret = new byte[32];
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal(NotebookWriter.toJson(nb).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, NotebookTrust.signature(nb, secret));
    }
}
