package com.healthcyber.underwriting.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.application.Application;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader on its own (no service): what hostile bodies cost it and what it answers them. */
class ApplicationReaderTest {

    private final ApplicationReader reader = ApplicationReader.standalone();

    @Test
    void stopsReadingARegistryListAtItsBoundAndNamesTheListOnce() {
        String body = registryApplicationWithRegistries("0,".repeat(5_000) + "0");
        List<Violation> violations = rejected(body);
        assertEquals(
                List.of(new Violation("registries", "must hold at most 100 entries")),
                violations.stream()
                        .filter(violation -> violation.field().equals("registries"))
                        .toList());
        // The first entries (each unreadable, up to the cap) and the bound; the rest is never read.
        assertEquals(
                ApplicationReader.MAX_REPORTED_VIOLATIONS + 1,
                violations.size(),
                () -> violations.size() + " violations");
    }

    @Test
    void namesAListOfObjectsOverItsBound() {
        String entries = "{\"name\":\"R\",\"purpose\":\"QUALITY_IMPROVEMENT\",\"records\":1,\"contributingSources\":1,"
                + "\"identifiable\":false,\"containsGeneticData\":false,\"dataQualityProgram\":true},";
        String body = registryApplicationWithRegistries(entries.repeat(101) + "[]");
        assertEquals(List.of(new Violation("registries", "must hold at most 100 entries")), rejected(body));
    }

    @Test
    void reportsAtMostTheCapAndCountsTheRest() {
        // 5,000 unknown fields: each is a violation, but a response lists only the first ones.
        StringBuilder unknown = new StringBuilder();
        for (int field = 0; field < 5_000; field++) {
            unknown.append(",\"unknown").append(field).append("\":0");
        }
        String body = Payloads.contractExample().replaceFirst("\\{", "{\"x\":0" + unknown + ",");
        List<Violation> violations = rejected(body);
        assertEquals(ApplicationReader.MAX_REPORTED_VIOLATIONS + 1, violations.size());
        Violation last = violations.get(violations.size() - 1);
        assertEquals(Violation.BODY, last.field());
        assertTrue(last.message().startsWith("and 4901 more violations, not listed"), last.message());
    }

    @Test
    void listsEveryViolationWhenThereAreFewerThanTheCap() {
        StringBuilder unknown = new StringBuilder();
        for (int field = 0; field < ApplicationReader.MAX_REPORTED_VIOLATIONS; field++) {
            unknown.append("\"unknown").append(field).append("\":0,");
        }
        String body = Payloads.contractExample().replaceFirst("\\{", "{" + unknown);
        List<Violation> violations = rejected(body);
        assertEquals(ApplicationReader.MAX_REPORTED_VIOLATIONS, violations.size());
        assertTrue(violations.stream().allMatch(violation -> violation.message().equals("is not a known field")));
    }

    @Test
    void anUnreadableListEntryIsNotReportedAgainAsMissing() {
        String body = registryApplicationWithRegistries("0, {\"name\": 7}");
        List<Violation> violations = rejected(body);
        assertTrue(violations.contains(new Violation("registries[0]", "must be an object")), violations::toString);
        assertTrue(violations.contains(new Violation("registries[1].name", "must be a string")), violations::toString);
        assertTrue(
                violations.stream()
                        .noneMatch(violation -> violation.field().startsWith("registries[0]")
                                && violation.message().equals("is required")),
                violations::toString);
        assertTrue(violations.contains(new Violation("registries[1].purpose", "is required")), violations::toString);
    }

    @Test
    void boundsCoverageSections() {
        String sections = "\"BREACH_RESPONSE\",".repeat(40) + "\"REGULATORY\"";
        String body = Payloads.contractExampleWith(
                        app -> app.withObject("/coverage").putArray("sections"))
                .replace("\"sections\":[]", "\"sections\":[" + sections + "]");
        assertEquals(List.of(new Violation("coverage.sections", "must hold at most 20 entries")), rejected(body));
    }

    @Test
    void readsTheContractExamples() {
        Application application = reader.read(Payloads.contractExample().getBytes(StandardCharsets.UTF_8));
        assertEquals("APP-1001", application.applicationId());
        assertEquals(1, application.history().claims().size());
    }

    // --- encodings (RFC 8259: exactly UTF-8) ---

    @Test
    void refusesAByteOrderMark() {
        byte[] body = concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                Payloads.contractExample().getBytes(StandardCharsets.UTF_8));
        Violation violation = single(body);
        assertEquals(Violation.BODY, violation.field());
        assertTrue(violation.message().contains("byte order mark"), violation.message());
    }

    @Test
    void refusesUtf16AndUtf32Bodies() {
        for (String charset : List.of("UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "UTF-32LE", "UTF-32BE")) {
            byte[] body = Payloads.contractExample().getBytes(Charset.forName(charset));
            Violation violation = single(body);
            assertEquals(Violation.BODY, violation.field(), charset);
            assertTrue(violation.message().startsWith("is not"), charset + ": " + violation.message());
        }
    }

    @Test
    void refusesOverlongAndSurrogateUtf8NamingTheByteOffset() {
        String example = Payloads.contractExample();
        int at = example.indexOf("APP-1001");
        byte[] prefix = example.substring(0, at).getBytes(StandardCharsets.UTF_8);
        for (byte[] sequence : List.of(
                new byte[] {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong '/', three bytes
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // U+D800, a surrogate, encoded
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xC3})) { // truncated
            byte[] body = concat(concat(prefix, sequence), example.substring(at).getBytes(StandardCharsets.UTF_8));
            Violation violation = single(body);
            assertEquals(
                    new Violation(
                            Violation.BODY, "is not UTF-8: malformed byte sequence at byte offset " + prefix.length),
                    violation);
        }
    }

    @Test
    void readsNonAsciiTextRawAndEscaped() {
        String body = Payloads.contractExample()
                .replace("\"Riverside Family Medicine\"", "\"Clinique é 中 😀 \\u00e9 \\u4e2d \\ud83d\\ude00\"");
        assertTrue(body.contains("😀"), "the example's name changed");
        Application application = reader.read(body.getBytes(StandardCharsets.UTF_8));
        assertEquals("Clinique é 中 😀 é 中 😀", application.applicant().name());
        assertEquals(body, reader.decode(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesANulCharacterInAnyStringNamingTheField() {
        assertEquals(
                List.of(new Violation("applicationId", "must not contain the NUL character (\\u0000)")),
                rejected(Payloads.contractExample().replace("\"APP-1001\"", "\"APP\\u0000-1001\"")));
        assertEquals(
                List.of(new Violation("applicant.name", "must not contain the NUL character (\\u0000)")),
                rejected(Payloads.contractExample().replace("\"Riverside Family Medicine\"", "\"\\u0000\"")));
    }

    @Test
    void refusesLoneSurrogatesNamingTheField() {
        for (String lone : List.of("\\ud800", "\\udc00", "x\\ud83dy", "\\ude00\\ud83d")) {
            assertEquals(
                    List.of(new Violation("applicationId", "must not contain an unpaired surrogate (\\ud800-\\udfff)")),
                    rejected(Payloads.contractExample().replace("\"APP-1001\"", "\"" + lone + "\"")),
                    lone);
        }
    }

    private String registryApplicationWithRegistries(String entries) {
        return Payloads.contractExampleWith(app -> {
                    app.put("product", "MEDICAL_REGISTRY");
                    app.withObject("/applicant").put("organizationType", "REGISTRY_VENDOR");
                    app.remove("data");
                    app.putArray("registries");
                })
                .replace("\"registries\":[]", "\"registries\":[" + entries + "]");
    }

    private List<Violation> rejected(String body) {
        return assertThrows(InvalidApplicationException.class, () -> reader.read(body.getBytes(StandardCharsets.UTF_8)))
                .violations();
    }

    private Violation single(byte[] body) {
        List<Violation> violations = assertThrows(InvalidApplicationException.class, () -> reader.read(body))
                .violations();
        assertEquals(1, violations.size(), violations::toString);
        return violations.get(0);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
