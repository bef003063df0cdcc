package dev.pageframe.notebook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides whether a notebook's outputs are the user's own, the way Jupyter does: an HMAC-SHA256 of the
 * notebook's canonical JSON (sorted keys, no signature) under a secret that never leaves this computer.
 * Signatures are kept in the user's config directory, never in the notebook, so a shared file arrives
 * untrusted and nothing in it runs or renders richly until the user says so.
 *
 * <p>Files in the config directory (created 0700): {@code trust-secret} (0600, the key) and
 * {@code trusted-notebooks} (0600, one signature per line with fingerprints of the cell ids, which let
 * {@link #explain} tell "changed since signed" from "never signed here").
 */
public final class NotebookTrust {

    /** Why a notebook is or is not trusted. */
    public enum Reason {
        /** Its signature is on record: the user ran or approved exactly this content here. */
        SIGNED_HERE,
        /** No record matches it or any earlier version of it. */
        NOT_SIGNED_HERE,
        /** An earlier version (same cell ids) was signed here, but the content differs now. */
        CHANGED_SINCE_SIGNED,
        /** The trust files exist but cannot be read, so nothing is trusted. */
        TRUST_STORE_UNREADABLE,
        /** Its content is one of the notebooks that come with Pageframe, unchanged. */
        BUNDLED
    }

    /**
     * The outcome of a trust check.
     *
     * @param trusted     true only for {@link Reason#SIGNED_HERE} and {@link Reason#BUNDLED}
     * @param reason      why
     * @param explanation a plain sentence for the user
     */
    public record Verdict(boolean trusted, Reason reason, String explanation) {}

    static final String SECRET_FILE = "trust-secret";
    static final String SIGNATURES_FILE = "trusted-notebooks";
    private static final String LOCK_FILE = "trusted-notebooks.lock";
    private static final String HEADER = "# Pageframe trusted notebooks: HMAC-SHA256 signature, cell-id fingerprints";
    private static final int SECRET_BYTES = 32;
    private static final int FINGERPRINT_CELLS = 16;
    /** Like Jupyter's cache, the record is bounded; the oldest signatures go first. */
    static final int MAX_SIGNATURES = 10_000;
    static final int KEEP_AFTER_CULL = 8_000;
    private static final Map<Path, Object> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path configDir;
    private final Supplier<? extends Collection<Notebook>> bundled;

    /** Trust records kept in {@code configDir} (created on first signing). */
    public NotebookTrust(Path configDir) {
        this(configDir, List::of);
    }

    /**
     * Trust records kept in {@code configDir}, and the notebooks that come with Pageframe: a file whose
     * content is one of them is trusted wherever it lies (an installed copy, {@code notebooks/} in a checkout).
     *
     * @param bundled read only when a notebook is not signed here, so opening a signed one costs nothing more
     */
    public NotebookTrust(Path configDir, Supplier<? extends Collection<Notebook>> bundled) {
        this.configDir = configDir.toAbsolutePath().normalize();
        this.bundled = Objects.requireNonNull(bundled);
    }

    /** These trust records, with the notebooks that come with Pageframe trusted as bundled. */
    public NotebookTrust withBundled(Supplier<? extends Collection<Notebook>> notebooks) {
        return new NotebookTrust(configDir, notebooks);
    }

    /** Trust records in {@link #defaultConfigDir()}. */
    public static NotebookTrust forCurrentUser() {
        return new NotebookTrust(defaultConfigDir());
    }

    /** {@code $XDG_CONFIG_HOME/pageframe}, or {@code ~/.config/pageframe} when that is unset. */
    public static Path defaultConfigDir() {
        return defaultConfigDir(System.getenv(), UserHome.current().toString());
    }

    static Path defaultConfigDir(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says relative values are invalid and must be ignored.
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "pageframe");
        }
        return Path.of(userHome, ".config", "pageframe");
    }

    /** The directory holding the secret and the signatures. */
    public Path configDir() {
        return configDir;
    }

    /**
     * Records {@code notebook} as trusted: call it after the user ran every cell, or chose to trust
     * the notebook. Creates the secret on first use.
     */
    public void sign(Notebook notebook) throws IOException {
        byte[] secret = loadOrCreateSecret();
        String signature = signature(notebook, secret);
        String line = signature + " " + fingerprints(notebook) + "\n";
        withLock(() -> {
            Path file = configDir.resolve(SIGNATURES_FILE);
            byte[] raw = readBytes(file);
            List<String> lines = new String(raw, StandardCharsets.ISO_8859_1).lines().toList();
            boolean midLine = raw.length > 0 && raw[raw.length - 1] != '\n';
            for (String l : lines) {
                if (l.startsWith(signature + " ")) {
                    return;
                }
            }
            boolean fresh = !Files.exists(file);
            // One write to an O_APPEND file lands whole even if another process appends too.
            try (FileChannel ch = FileChannel.open(file, openOptions(StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                    privateFile(file.getParent()))) {
                // A crash mid-append can leave a line without its end; start afresh so this record stays whole.
                String text = (fresh ? HEADER + "\n" : midLine ? "\n" : "") + line;
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (countRecords(lines) + 1 > MAX_SIGNATURES) {
                cull(file);
            }
        });
    }

    /**
     * This notebook's signature, to be kept beside a copy of it rather than in the record (a recovery copy of a
     * trusted notebook: written every few seconds while one is edited, such copies would crowd the bounded record's
     * real signatures out). {@link #check(Notebook, String)} checks it later. Creates the secret on first use.
     */
    public String seal(Notebook notebook) throws IOException {
        return signature(notebook, loadOrCreateSecret());
    }

    /** As {@link #check(Notebook)}, but a notebook whose {@link #seal} is {@code seal} is trusted too. */
    public Verdict check(Notebook notebook, String seal) {
        if (sealed(notebook, seal)) {
            return new Verdict(true, Reason.SIGNED_HERE, "Trusted: Pageframe kept this copy of your work while the "
                    + "notebook was trusted.");
        }
        return check(notebook);
    }

    /** True if {@code seal} is this exact notebook's signature on this computer. Never throws. */
    private boolean sealed(Notebook notebook, String seal) {
        Path secretFile = configDir.resolve(SECRET_FILE);
        if (seal == null || !Files.exists(secretFile)) {
            return false;
        }
        try {
            byte[] expected = signature(notebook, readSecret(secretFile)).getBytes(StandardCharsets.US_ASCII);
            return java.security.MessageDigest.isEqual(expected, seal.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** True if this exact notebook was signed on this computer. Never throws: anything unreadable means untrusted. */
    public boolean isTrusted(Notebook notebook) {
        return check(notebook).trusted();
    }

    /** A plain sentence saying why the notebook is, or is not, trusted. */
    public String explain(Notebook notebook) {
        return check(notebook).explanation();
    }

    /** The full trust verdict for {@code notebook}. */
    public Verdict check(Notebook notebook) {
        Verdict signed = checkSignatures(notebook);
        if (signed.trusted() || !isBundled(notebook)) {
            return signed;
        }
        return new Verdict(true, Reason.BUNDLED, "Trusted: it is one of the notebooks that come with Pageframe, "
                + "unchanged.");
    }

    /** True if the file Pageframe would write for {@code notebook} is that of a bundled notebook. */
    private boolean isBundled(Notebook notebook) {
        Collection<Notebook> known;
        try {
            known = bundled.get();
        } catch (RuntimeException e) {
            return false; // Unreadable bundled notebooks vouch for nothing.
        }
        if (known.isEmpty()) {
            return false;
        }
        byte[] mine = NotebookWriter.toBytes(notebook);
        for (Notebook b : known) {
            if (Arrays.equals(mine, NotebookWriter.toBytes(b))) {
                return true;
            }
        }
        return false;
    }

    private Verdict checkSignatures(Notebook notebook) {
        Path secretFile = configDir.resolve(SECRET_FILE);
        Path signaturesFile = configDir.resolve(SIGNATURES_FILE);
        if (!Files.exists(secretFile) || !Files.exists(signaturesFile)) {
            return notSignedHere();
        }
        List<String> lines;
        String signature;
        try {
            signature = signature(notebook, readSecret(secretFile));
            lines = readLines(signaturesFile);
        } catch (IOException e) {
            return new Verdict(false, Reason.TRUST_STORE_UNREADABLE, "Not trusted: Pageframe could not read its "
                    + "trust records in " + configDir + " (" + e.getMessage() + "), so it trusts no notebook for now.");
        }
        Set<String> cellPrints = new HashSet<>(List.of(fingerprints(notebook).split(",")));
        cellPrints.remove("-");
        boolean earlierVersion = false;
        for (String line : lines) {
            String[] parts = parseRecord(line);
            if (parts == null) {
                continue;
            }
            if (MessageDigest.isEqual(parts[0].getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
                return new Verdict(true, Reason.SIGNED_HERE,
                        "Trusted: this notebook was signed on this computer, so its outputs are ones you produced here.");
            }
            earlierVersion = earlierVersion || sameNotebook(cellPrints, parts[1]);
        }
        if (earlierVersion) {
            return new Verdict(false, Reason.CHANGED_SINCE_SIGNED, "Not trusted: it has changed since it was last "
                    + "signed on this computer (perhaps edited in another program or replaced by someone else's copy), "
                    + "so its outputs may not be ones you produced.");
        }
        return notSignedHere();
    }

    /**
     * True if a signed record looks like an earlier version of the notebook: most of its first cell ids are
     * the record's. One shared id (a copied cell, a common name like "setup") does not make it the same notebook.
     */
    static boolean sameNotebook(Set<String> cellPrints, String recordPrints) {
        if (cellPrints.isEmpty() || recordPrints.equals("-")) {
            return false;
        }
        List<String> theirs = List.of(recordPrints.split(","));
        long shared = theirs.stream().distinct().filter(cellPrints::contains).count();
        return shared * 2 >= Math.max(cellPrints.size(), theirs.size());
    }

    private static Verdict notSignedHere() {
        return new Verdict(false, Reason.NOT_SIGNED_HERE, "Not trusted: it was not signed on this computer, so it "
                + "probably came from someone else and its outputs were not produced by you here.");
    }

    /** HMAC-SHA256 over the file Pageframe would write, which is already canonical: sorted keys, no signature. */
    static String signature(Notebook notebook, byte[] secret) throws IOException {
        Mac mac;
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                mac.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                mac.update(b, off, len);
            }
        };
        // Streaming keeps memory flat for notebooks full of images.
        try (Writer w = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16)) {
            NotebookWriter.write(notebook, w);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Short hashes of the first cell ids: enough to recognise a later version of the same notebook. */
    static String fingerprints(Notebook notebook) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        List<String> prints = new ArrayList<>();
        for (Cell cell : notebook.cells().subList(0, Math.min(FINGERPRINT_CELLS, notebook.cells().size()))) {
            byte[] digest = sha.digest(cell.id().getBytes(StandardCharsets.UTF_8));
            prints.add(HexFormat.of().formatHex(digest, 0, 4));
        }
        return prints.isEmpty() ? "-" : String.join(",", prints);
    }

    /** A record is "64-hex-signature fingerprints"; anything else (a header, a torn line) is skipped. */
    private static String[] parseRecord(String line) {
        if (line.length() < 66 || line.charAt(64) != ' ') {
            return null;
        }
        String sig = line.substring(0, 64);
        for (int i = 0; i < 64; i++) {
            char c = sig.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return null;
            }
        }
        return new String[] {sig, line.substring(65)};
    }

    private static int countRecords(List<String> lines) {
        int n = 0;
        for (String l : lines) {
            if (parseRecord(l) != null) {
                n++;
            }
        }
        return n;
    }

    private void cull(Path file) throws IOException {
        List<String> records = new ArrayList<>();
        for (String l : readLines(file)) {
            if (parseRecord(l) != null) {
                records.add(l);
            }
        }
        List<String> kept = records.subList(Math.max(0, records.size() - KEEP_AFTER_CULL), records.size());
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        kept.forEach(l -> sb.append(l).append('\n'));
        writeAtomically(file, sb.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] readBytes(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    private static List<String> readLines(Path file) throws IOException {
        try {
            // Latin-1 never fails to decode, so a damaged byte spoils one line, not the whole record.
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    byte[] loadOrCreateSecret() throws IOException {
        ensureConfigDir();
        Path secretFile = configDir.resolve(SECRET_FILE);
        if (Files.exists(secretFile)) {
            return readSecret(secretFile);
        }
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        Path temp = Files.createTempFile(configDir, ".trust-secret.", ".tmp", privateFile(configDir));
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap((Base64.getEncoder().encodeToString(secret) + "\n").getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            try {
                // A link, unlike a rename, refuses to replace: if another process made a secret first, use theirs.
                Files.createLink(secretFile, temp);
            } catch (FileAlreadyExistsException e) {
                return readSecret(secretFile);
            } catch (UnsupportedOperationException | FileSystemException e) {
                try {
                    Files.move(temp, secretFile);
                } catch (FileAlreadyExistsException raced) {
                    return readSecret(secretFile);
                }
            }
            return secret;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static byte[] readSecret(Path secretFile) throws IOException {
        String text = Files.readString(secretFile, StandardCharsets.US_ASCII).strip();
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("the trust secret " + secretFile + " is damaged", e);
        }
        if (secret.length < SECRET_BYTES) {
            throw new IOException("the trust secret " + secretFile + " is damaged (too short)");
        }
        return secret;
    }

    private void ensureConfigDir() throws IOException {
        if (Files.isDirectory(configDir)) {
            PosixFileAttributeView view = Files.getFileAttributeView(configDir, PosixFileAttributeView.class);
            if (view != null) {
                Set<PosixFilePermission> perms = view.readAttributes().permissions();
                if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                    // The directory is Pageframe's own; others must not read the secret's name list or swap files in it.
                    view.setPermissions(PosixFilePermissions.fromString("rwx------"));
                }
            }
            return;
        }
        Path parent = configDir.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (isPosix(parent)) {
                Files.createDirectory(configDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(configDir);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(configDir)) {
                throw e;
            }
        }
    }

    private void writeAtomically(Path file, byte[] content) throws IOException {
        AtomicFile.write(file, out -> out.write(content), false, Set.of(privateFile(configDir)));
    }

    private interface LockedAction {
        void run() throws IOException;
    }

    /** Serialises writers across threads (a monitor) and across processes (a file lock). */
    private void withLock(LockedAction action) throws IOException {
        Path lockFile = configDir.resolve(LOCK_FILE);
        Object monitor = IN_PROCESS_LOCKS.computeIfAbsent(lockFile, k -> new Object());
        synchronized (monitor) {
            try (FileChannel ch = FileChannel.open(lockFile, openOptions(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    privateFile(configDir))) {
                FileLock lock = ch.lock();
                try {
                    action.run();
                } finally {
                    lock.release();
                }
            }
        }
    }

    private static Set<OpenOption> openOptions(OpenOption... options) {
        return Set.of(options);
    }

    private static FileAttribute<?>[] privateFile(Path dir) throws IOException {
        if (!isPosix(dir)) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    private static boolean isPosix(Path dir) throws IOException {
        return dir != null && Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
    }
}
