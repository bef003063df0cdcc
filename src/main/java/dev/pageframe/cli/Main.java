package dev.pageframe.cli;

/** Entry point of the pageframe jar: prints version and usage until the CLI lands. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("pageframe 0.1.0");
    }
}
