package com.healthcyber.underwriting.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.security.ManagementInterface;
import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded store is the service's alone: reachable by no network listener, and its files
 * readable by the service's user only. It holds every applicant's security posture.
 */
@QuarkusTest
class EmbeddedStoreIsPrivateTest {

    @BeforeEach
    void decideOnce() {
        Tokens.authenticateEveryRequest();
        // The store is open and written to, as in service.
        given().contentType(ContentType.JSON)
                .body(Payloads.contractExample())
                .post("/decisions")
                .then()
                .statusCode(200);
    }

    @Test
    void opensNoNetworkListenerBeyondTheHttpAndManagementPorts() throws IOException {
        Set<Integer> expected = Set.of(RestAssured.port, ManagementInterface.PORT);
        List<String> unexpected = new ArrayList<>();
        for (Listener listener : listenersOfThisProcess()) {
            if (!expected.contains(listener.port()) && !listener.loopback()) {
                unexpected.add(listener.toString());
            }
        }
        assertEquals(List.of(), unexpected, "no listener of the service process but HTTP " + expected);
        try (Stream<Path> files = Files.list(dataDirectory())) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith(".lock.db")) {
                    assertFalse(Files.readString(file).contains("server="), "the lock file names no server: " + file);
                }
            }
        }
    }

    @Test
    void keepsItsFilesForItsOwnUserOnly() throws IOException {
        Path data = dataDirectory();
        assertEquals("rwx------", modes(data), "data directory " + data);
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(data)) {
            entries = walk.toList();
        }
        assertTrue(
                entries.stream()
                        .anyMatch(entry -> entry.getFileName().toString().startsWith("decisions.")),
                entries.toString());
        for (Path entry : entries) {
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                assertEquals("rwx------", modes(entry), entry.toString());
            } else if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                assertEquals("rw-------", modes(entry), entry.toString());
            }
        }
    }

    private static Path dataDirectory() {
        return Path.of(ConfigProvider.getConfig().getValue("underwriting.data.dir", String.class));
    }

    private static String modes(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private record Listener(String address, int port) {
        boolean loopback() {
            return address.startsWith("0100007F")
                    || address.equals("00000000000000000000000001000000")
                    || address.equals("0000000000000000FFFF00000100007F");
        }
    }

    /** Listening TCP sockets (IPv4 and IPv6) whose inode is one of this process's file descriptors. */
    private static List<Listener> listenersOfThisProcess() throws IOException {
        Set<String> sockets = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed while listing
                }
            }
        }
        List<Listener> listeners = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line :
                    Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                String[] columns = line.trim().split("\\s+");
                String[] local = columns[1].split(":");
                boolean listening = columns[3].equals("0A");
                if (listening && sockets.contains(columns[9])) {
                    listeners.add(new Listener(local[0], Integer.parseInt(local[1], 16)));
                }
            }
        }
        assertFalse(listeners.isEmpty(), "the HTTP listener at least is found: the /proc tables were read");
        return listeners;
    }
}
