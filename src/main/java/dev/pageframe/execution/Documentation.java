package dev.pageframe.execution;

/**
 * Documentation of an element at a cursor.
 *
 * @param signature e.g. {@code int Math.max(int a, int b)}
 * @param javadoc the Javadoc text, or empty when sources are unavailable (a JDK without src.zip)
 */
public record Documentation(String signature, String javadoc) {}
