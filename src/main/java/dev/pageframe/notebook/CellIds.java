package dev.pageframe.notebook;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Cell ids as nbformat 4.5 defines them: 1–64 of {@code [a-zA-Z0-9-_]}, unique in a notebook. */
public final class CellIds {
    private static final Pattern VALID = Pattern.compile("^[a-zA-Z0-9-_]+$");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The longest id the nbformat schema allows. */
    public static final int MAX_LENGTH = 64;

    private CellIds() {}

    /** True if {@code id} is a string the nbformat 4.5 schema accepts as a cell id. */
    public static boolean isValid(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_LENGTH && VALID.matcher(id).matches();
    }

    /** A fresh id in Jupyter's own style (8 hex digits, as {@code uuid4().hex[:8]}). */
    public static String random() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The generator the reader uses unless a test injects a deterministic one. */
    public static Supplier<String> randomGenerator() {
        return CellIds::random;
    }

    /** Draws from {@code generator} until it yields a valid id not in {@code taken}, then records it. */
    static String fresh(Supplier<String> generator, Set<String> taken) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            String id = generator.get();
            if (isValid(id) && taken.add(id)) {
                return id;
            }
        }
        throw new IllegalStateException("the cell id generator keeps producing invalid or used ids");
    }
}
