package com.healthcyber.underwriting.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.application.TransactionType;
import com.healthcyber.underwriting.engine.RuleProblem;
import com.healthcyber.underwriting.intake.StrictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuidelineFoldersTest {

    private final GuidelineFolders folders = new GuidelineFolders(StrictJson.newMapper());

    @TempDir
    Path rules;

    @Test
    void theShippedRulesHoldOneFolderPerVersionWithItsWindows() throws Exception {
        List<GuidelineFolders.Folder> versions = folders.list(Path.of("rules"));
        assertTrue(versions.stream().anyMatch(folder -> folder.version().equals("v1")), versions.toString());
        for (GuidelineFolders.Folder folder : versions) {
            GuidelineFolders.Read read = folders.read(folder);
            assertEquals(List.of(), read.problems(), folder.toString());
            assertEquals(folder.version(), read.guideline().version());
            assertEquals(folder.version() + "/", folder.prefix());
        }
        assertEquals(List.of(), folders.strayFolders(Path.of("rules")));
    }

    @Test
    void aVersionFolderCheckedAloneIsItsOwnRulesDirectory() throws Exception {
        List<GuidelineFolders.Folder> versions = folders.list(Path.of("rules/v1"));
        assertEquals(1, versions.size());
        assertEquals("v1", versions.get(0).version());
        assertEquals("", versions.get(0).prefix());
    }

    @Test
    void readsWindowsWithHalfOpenDates() throws Exception {
        Path v2 = descriptor("v2", """
                { "description": "second", "windows": [
                  { "transactionType": "NEW_BUSINESS", "from": "2027-07-01" },
                  { "transactionType": "RENEWAL", "from": "2027-10-01", "products": ["MEDICAL_REGISTRY"] } ] }
                """);
        GuidelineFolders.Read read = folders.read(new GuidelineFolders.Folder("v2", v2, "v2/"));
        assertEquals(List.of(), read.problems());
        assertEquals(
                LocalDate.parse("2027-07-01"), read.guideline().windows().get(0).from());
        assertNull(read.guideline().windows().get(0).until());
        assertEquals(TransactionType.RENEWAL, read.guideline().windows().get(1).transactionType());
    }

    @Test
    void namesTheLineOfAnUnreadableDescriptorAndRefusesUnknownFields() throws Exception {
        Path broken = descriptor(
                "v3",
                "{\n  \"windows\": [\n    { \"transactionType\": \"NEW_BUSINESS\", \"untill\": \"2027-01-01\" } ] }");
        RuleProblem problem = folders.read(new GuidelineFolders.Folder("v3", broken, "v3/"))
                .problems()
                .get(0);
        assertEquals("v3/guideline.json", problem.file());
        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("untill"), problem.message());
    }

    @Test
    void refusesNoWindowsAWindowWithoutTypeAndOneThatEndsBeforeItStarts() throws Exception {
        assertTrue(message(descriptor("a", "{ \"windows\": [] }")).contains("needs \"windows\""));
        assertTrue(message(descriptor("b", "{ \"windows\": [ { \"until\": \"2027-01-01\" } ] }"))
                .contains("windows[0] needs a transactionType ([NEW_BUSINESS, RENEWAL])"));
        assertTrue(message(
                        descriptor(
                                "c",
                                "{ \"windows\": [ { \"transactionType\": \"RENEWAL\", \"from\": \"2027-10-01\", \"until\": \"2027-10-01\" } ] }"))
                .contains("windows[0] starts 2027-10-01 but ends before 2027-10-01"));
        assertTrue(message(descriptor("d", "{ \"windows\": [ { \"transactionType\": \"RENEWALS\" } ] }"))
                .contains("RENEWALS"));
    }

    @Test
    void aFolderWithRulesButNoDescriptorIsReportedNotIgnored() throws Exception {
        descriptor("v1", "{ \"windows\": [ { \"transactionType\": \"NEW_BUSINESS\" } ] }");
        Files.createDirectories(rules.resolve("v2/common"));
        Files.writeString(rules.resolve("v2/common/conduct.drl"), "package x;");
        Files.createDirectories(rules.resolve("notes"));
        List<RuleProblem> strays = folders.strayFolders(rules);
        assertEquals(1, strays.size(), strays.toString());
        assertEquals("v2/", strays.get(0).file());
        assertEquals(
                List.of("v1"),
                folders.list(rules).stream()
                        .map(GuidelineFolders.Folder::version)
                        .toList());
    }

    private String message(Path folder) {
        return folders.read(new GuidelineFolders.Folder(folder.getFileName().toString(), folder, ""))
                .problems()
                .get(0)
                .message();
    }

    private Path descriptor(String version, String json) throws Exception {
        Path folder = rules.resolve(version);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(GuidelineFolders.DESCRIPTOR), json);
        return folder;
    }
}
