package dev.pageframe.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserHomeTest {
    @Test
    void homeFromTheEnvironmentWinsOverThePasswordDatabaseOnLinux() {
        assertEquals(Path.of("/tmp/ann"), UserHome.of("Linux", Map.of("HOME", "/tmp/ann"), "/root"));
        assertEquals(Path.of("/Users/ann"), UserHome.of("Mac OS X", Map.of("HOME", "/Users/ann"), "/Users/root"));
    }

    @Test
    void aMissingOrRelativeHomeAndWindowsGoByUserHome() {
        assertEquals(Path.of("/root"), UserHome.of("Linux", Map.of(), "/root"));
        assertEquals(Path.of("/root"), UserHome.of("Linux", Map.of("HOME", "relative/ann"), "/root"));
        assertEquals(Path.of("/root"), UserHome.of("Linux", Map.of("HOME", ""), "/root"));
        assertEquals(Path.of("C:/Users/ann"), UserHome.of("Windows 11", Map.of("HOME", "/c/Users/ann"), "C:/Users/ann"));
    }
}
