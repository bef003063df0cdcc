package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnfinishedTest {
    @Test
    void namesAnUnclosedComment() {
        assertEquals("unclosed comment", Unfinished.describe("/* x"));
        assertEquals("unclosed comment", Unfinished.describe("int a; /* done */ /* not done"));
    }

    @Test
    void namesUnclosedLiteralsButNotThoseClosedOrInComments() {
        assertEquals("unclosed text block", Unfinished.describe("String s = \"\"\"\n  text"));
        assertEquals("unclosed string literal", Unfinished.describe("\"a\\\"b"));
        assertEquals("unclosed character literal", Unfinished.describe("char c = '"));
        assertTrue(Unfinished.describe("// \"not a string\n/* 'x' */").startsWith("this code is incomplete"));
    }
}
