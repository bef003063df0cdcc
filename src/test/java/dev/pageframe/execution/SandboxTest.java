package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pageframe.notebook.Notebook;
import dev.pageframe.notebook.NotebookTrust;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * From inside a cell, the sandbox holds: no path outside the runtime, the class path and the scratch folder,
 * whichever thread asks; no programs; no TCP but the host's channel. Needs Landlock (Linux 5.13 or later).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class SandboxTest {
    private static final String READ_PASSWD = "readOrWhy(\"/etc/passwd\")";

    @TempDir
    Path dir;

    private KernelSession session;

    @BeforeAll
    void startSandboxedKernel() {
        assumeTrue(Sandbox.ON.status().confined(), "no Landlock here: " + Sandbox.ON.status().summary());
        session = new KernelSession(TestKernels.config());
        session.start().join();
        ok("import java.nio.file.*; import java.util.concurrent.*;");
        // What a thread sees: the bytes it read, or the exception that stopped it.
        ok("String readOrWhy(String p) { try { return \"read \" + Files.readAllBytes(Path.of(p)).length + \" bytes\"; }"
                + " catch (Exception e) { return e.toString(); } }");
    }

    @AfterAll
    void stop() {
        if (session != null) {
            session.close();
        }
    }

    private void ok(String cell) {
        CellResult result = session.execute(cell).join();
        assertTrue(result.ok(), cell + ": " + result);
    }

    private String value(String cell) {
        CellResult result = session.execute(cell).join();
        assertTrue(result.ok(), cell + ": " + result);
        return result.executeResult().orElseThrow().text();
    }

    private ErrorOutput error(String cell) {
        CellResult result = session.execute(cell).join();
        assertEquals(CellStatus.ERROR, result.status(), cell + ": " + result);
        return result.error().orElseThrow();
    }

    private static String quoted(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\") + "\"";
    }

    @Test
    void theSessionSaysItsCellsAreSandboxed() {
        SandboxStatus status = session.sandbox();
        assertTrue(status.confined());
        assertTrue(status.summary().startsWith("cells are sandboxed (Landlock ABI "), status.summary());
    }

    @Test
    void readingEtcPasswdFailsSayingItIsTheSandbox() {
        ErrorOutput e = error("Files.readString(Path.of(\"/etc/passwd\"))");
        assertEquals("java.nio.file.AccessDeniedException", e.ename());
        assertEquals("/etc/passwd: " + SandboxDenials.FILES, e.evalue());
        assertEquals("java.io.FileNotFoundException", error("new java.io.FileInputStream(\"/etc/passwd\")").ename());
    }

    @Test
    void theTrustSecretAndRecordsAreOutOfReach() throws IOException {
        NotebookTrust trust = new NotebookTrust(dir.resolve("config"));
        trust.sign(Notebook.newEmpty());
        Path secret = trust.configDir().resolve("trust-secret");
        Path records = trust.configDir().resolve("trusted-notebooks");
        assertTrue(Files.exists(secret) && Files.exists(records));
        assertEquals("\"java.nio.file.AccessDeniedException: " + secret + "\"", value("readOrWhy(" + quoted(secret) + ")"));
        assertEquals("\"java.nio.file.AccessDeniedException: " + records + "\"", value("readOrWhy(" + quoted(records) + ")"));
        // And where the app keeps them for this user, whether or not there is a secret yet.
        Path real = NotebookTrust.defaultConfigDir().resolve("trust-secret");
        assertTrue(value("readOrWhy(" + quoted(real) + ")").contains("Exception: " + real), "never read");
    }

    @Test
    void theHomeFolderCannotBeListed() {
        Path home = Path.of(System.getProperty("user.home"));
        ErrorOutput e = error("Files.list(Path.of(" + quoted(home) + ")).count()");
        assertEquals("java.nio.file.AccessDeniedException", e.ename());
        assertTrue(e.evalue().startsWith(home + ": the sandbox"), e.evalue());
    }

    @Test
    void writingOutsideTheScratchFolderFailsAndLeavesNothing() {
        Path target = dir.resolve("escaped.txt");
        ErrorOutput e = error("Files.writeString(Path.of(" + quoted(target) + "), \"x\")");
        assertEquals("java.nio.file.AccessDeniedException", e.ename());
        assertFalse(Files.exists(target));
    }

    @Test
    void theScratchFolderIsTheWorkingDirectoryAndTempAndWorks() {
        assertEquals("\"hello\"", value("Files.writeString(Path.of(\"notes.txt\"), \"hello\"); Files.readString(Path.of(\"notes.txt\"))"));
        String scratch = value("System.getProperty(\"user.dir\")");
        assertTrue(scratch.contains(Scratch.PREFIX), scratch);
        assertEquals(scratch, value("System.getProperty(\"java.io.tmpdir\")"));
        assertEquals("true", value("Files.createTempFile(\"t\", \".txt\").startsWith(System.getProperty(\"user.dir\"))"));
        assertEquals("true", value("Files.isDirectory(Files.createDirectories(Path.of(\"a/b\")))"));
    }

    @Test
    void programsCannotBeStarted() {
        ErrorOutput exec = error("Runtime.getRuntime().exec(new String[] {\"/bin/true\"}).waitFor()");
        assertEquals("Cannot run program \"/bin/true\": " + SandboxDenials.PROGRAMS, exec.evalue());
        // Not even another JVM, although the agent's own java was allowed to start it.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ErrorOutput builder = error("new ProcessBuilder(" + quoted(Path.of(java)) + ", \"-version\").start().waitFor()");
        assertEquals("Cannot run program \"" + java + "\": " + SandboxDenials.PROGRAMS, builder.evalue());
    }

    @Test
    void aCellCannotSwitchTheLaunchMechanismToStartAJvm() {
        // The agent's own java may be executed (its spawn executes it), and a JVM started that way could enable
        // native access for itself. The JDK reads jdk.lang.Process.launchMechanism once, when it first starts a
        // program: switched to FORK before that, the child would execute java directly, without the lib/jspawnhelper
        // the sandbox refuses. A fresh kernel, so no earlier cell has started (or tried to start) a program.
        try (KernelSession fresh = new KernelSession(TestKernels.config())) {
            fresh.start().join();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            CellResult result = fresh.execute("System.setProperty(\"jdk.lang.Process.launchMechanism\", \"FORK\");"
                    + " new ProcessBuilder(" + quoted(Path.of(java)) + ", \"-version\").start().waitFor()").join();
            assertEquals(CellStatus.ERROR, result.status(), result.toString());
            assertEquals("Cannot run program \"" + java + "\": " + SandboxDenials.PROGRAMS,
                    result.error().orElseThrow().evalue());
        }
    }

    @Test
    void cellsCannotCallNativeCode() {
        // Through the foreign function API a cell could make any system call, Landlock's or not.
        ErrorOutput e = error("java.lang.foreign.Linker.nativeLinker().downcallHandle(java.lang.foreign.Linker"
                + ".nativeLinker().defaultLookup().find(\"getpid\").orElseThrow(), java.lang.foreign.FunctionDescriptor"
                + ".of(java.lang.foreign.ValueLayout.JAVA_INT))");
        assertEquals("java.lang.IllegalCallerException", e.ename());
    }

    @Test
    void aTcpConnectionToAnotherLoopbackPortIsRefused() throws IOException {
        assumeTrue(session.sandbox().landlockAbi() >= 4, "TCP rules need Landlock ABI 4");
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ErrorOutput e = error("new java.net.Socket(\"127.0.0.1\", " + other.getLocalPort() + ")");
            assertEquals("Permission denied: " + SandboxDenials.NETWORK, e.evalue());
        }
        assertTrue(error("new java.net.ServerSocket(0)").evalue().endsWith(SandboxDenials.NETWORK));
    }

    @Test
    void udpAndUnixDomainSocketsAreRefused() {
        // Landlock has no rules for these; the spawning thread's seccomp filter refuses the sockets themselves.
        ErrorOutput udp = error("new java.net.DatagramSocket().send(new java.net.DatagramPacket(new byte[1], 1,"
                + " java.net.InetAddress.getLoopbackAddress(), 9))");
        assertEquals("Permission denied: " + SandboxDenials.NETWORK, udp.evalue());
        ErrorOutput unix = error("java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)");
        assertEquals("Permission denied: " + SandboxDenials.NETWORK, unix.evalue());
    }

    @Test
    void workHandedToOtherThreadsIsConfinedToo() {
        List<String> handOffs = List.of(
                "ForkJoinPool.commonPool().submit(() -> " + READ_PASSWD + ").get()",
                "CompletableFuture.supplyAsync(() -> " + READ_PASSWD + ").get()",
                "Executors.newFixedThreadPool(2).submit(() -> " + READ_PASSWD + ").get()",
                "Executors.newVirtualThreadPerTaskExecutor().submit(() -> " + READ_PASSWD + ").get()",
                "{ String[] out = new String[1]; Thread t = new Thread(() -> out[0] = " + READ_PASSWD + "); t.start();"
                        + " t.join(); System.out.print(out[0]); }",
                "java.util.stream.IntStream.range(0, 64).parallel().mapToObj(i -> " + READ_PASSWD
                        + ").distinct().toList()");
        for (String cell : handOffs) {
            CellResult result = session.execute(cell).join();
            String seen = result.executeResult().map(ExecuteResult::text)
                    .orElse(result.outputs().toString());
            assertTrue(result.ok() && seen.contains("AccessDeniedException: /etc/passwd") && !seen.contains("read "),
                    cell + " -> " + result);
        }
    }

    @Test
    void everyThreadOfTheAgentStartedConfined() throws IOException {
        // Set by the host's spawning thread just before it started the agent's java: a thread that has it
        // descends from that thread, so it is inside the Landlock domain set in the same breath.
        long pid = session.agentPid().orElseThrow();
        List<Path> tasks;
        try (Stream<Path> found = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks = found.toList();
        }
        int checked = 0;
        for (Path task : tasks) {
            List<String> status;
            try {
                status = Files.readAllLines(task.resolve("status"));
            } catch (java.nio.file.NoSuchFileException e) {
                continue; // the thread ended after the listing (the JVM's compiler threads come and go)
            }
            assertTrue(status.contains("NoNewPrivs:\t1"), task + " has no_new_privs");
            checked++;
        }
        assertTrue(checked > 5, "a JVM has many threads: " + checked + " of " + tasks.size() + " checked");
    }

    @Test
    void theConnectionTokenAndTheHostsEnvironmentAreNotInTheAgent() throws IOException {
        String environ = Files.readString(Path.of("/proc", Long.toString(session.agentPid().orElseThrow()), "environ"));
        assertFalse(environ.contains("PAGEFRAME"), environ);
        Set<String> allowed = Set.of("HOME", "LANG", "LANGUAGE", "TZ");
        String names = value("String.join(\",\", new java.util.TreeSet<>(System.getenv().keySet()))");
        for (String name : names.replace("\"", "").split(",")) {
            assertTrue(allowed.contains(name) || name.startsWith("LC_"), name + " of " + names);
        }
        // Standard input carried the token; the agent closed it.
        assertEquals("\"read 0 bytes\"", value("readOrWhy(\"/proc/self/fd/0\")"));
        assertTrue(value("readOrWhy(\"/proc/self/environ\")").contains("AccessDeniedException"));
    }

    @Test
    void theScratchFolderIsDeletedWithItsKernel() throws Exception {
        KernelSession own = new KernelSession(TestKernels.config());
        Path scratch;
        try (own) {
            CellResult made = own.execute("java.nio.file.Files.writeString(java.nio.file.Path.of(\"left.txt\"), \"x\");"
                    + " System.getProperty(\"user.dir\")").join();
            scratch = Path.of(made.executeResult().orElseThrow().text().replace("\"", ""));
            assertTrue(Files.exists(scratch.resolve("left.txt")));
        }
        assertFalse(Files.exists(scratch), scratch + " is gone once the session is closed");
    }
}
