package com.healthcyber.underwriting.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.TransactionType;
import com.healthcyber.underwriting.engine.RuleProblem;
import com.healthcyber.underwriting.guideline.Guideline;
import com.healthcyber.underwriting.guideline.GuidelineWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the guideline versions under a rules directory and reads their windows. A version is a
 * folder holding a complete guideline (DRL and scenarios) and a {@code guideline.json} that says
 * which applications it decides; the folder's name is the version's name. The rules directory is
 * either such a folder itself (one version checked alone) or holds one per version.
 */
public final class GuidelineFolders {

    public static final String DESCRIPTOR = "guideline.json";
    private static final Pattern VERSION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    private final ObjectMapper mapper;

    public GuidelineFolders(ObjectMapper strictMapper) {
        this.mapper = strictMapper;
    }

    /**
     * One version's folder.
     *
     * @param prefix what problems in its files are prefixed with to name them from the rules
     *     directory ({@code "v1/"}, or empty when the rules directory is the version's folder)
     */
    public record Folder(String version, Path directory, String prefix) {

        /** {@code file} relative to the version's folder, named from the rules directory. */
        public String name(String file) {
            return file == null ? null : prefix + file;
        }
    }

    /** The version folders, by name; throws when the directory cannot be listed. */
    public List<Folder> list(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("rules directory " + root.toAbsolutePath() + " does not exist or is not a directory");
        }
        if (Files.isRegularFile(root.resolve(DESCRIPTOR))) {
            Path name = root.toAbsolutePath().normalize().getFileName();
            return List.of(new Folder(name == null ? "rules" : name.toString(), root, ""));
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> Files.isRegularFile(child.resolve(DESCRIPTOR)))
                    .map(child -> child.getFileName().toString())
                    .sorted()
                    .map(name -> new Folder(name, root.resolve(name), name + "/"))
                    .toList();
        }
    }

    /** Sub-folders that hold rules but no descriptor: a version nobody can tell the dates of. */
    public List<RuleProblem> strayFolders(Path root) throws IOException {
        if (Files.isRegularFile(root.resolve(DESCRIPTOR))) {
            return List.of();
        }
        List<RuleProblem> problems = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                if (!Files.isRegularFile(child.resolve(DESCRIPTOR)) && holdsRules(child)) {
                    problems.add(new RuleProblem(
                            child.getFileName() + "/",
                            0,
                            null,
                            "holds rules but no " + DESCRIPTOR
                                    + ": a guideline version needs one saying which applications it decides"));
                }
            }
        }
        return problems;
    }

    private static boolean holdsRules(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".drl"));
        }
    }

    /** What a version's descriptor says, or the problems that keep it from saying anything. */
    public record Read(Guideline guideline, List<RuleProblem> problems) {}

    private record Descriptor(String description, List<Window> windows) {}

    private record Window(TransactionType transactionType, Set<Product> products, LocalDate from, LocalDate until) {}

    public Read read(Folder folder) {
        String file = folder.name(DESCRIPTOR);
        List<RuleProblem> problems = new ArrayList<>();
        if (!VERSION_NAME.matcher(folder.version()).matches()) {
            problems.add(new RuleProblem(
                    file,
                    0,
                    null,
                    "the folder's name is the version's name: letters, digits, '.', '_' or '-', at most 32"));
        }
        Descriptor descriptor;
        try {
            descriptor = mapper.readValue(folder.directory().resolve(DESCRIPTOR).toFile(), Descriptor.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
            problems.add(new RuleProblem(file, line, null, "is not readable: " + ScenarioLoader.readable(e)));
            return new Read(null, problems);
        } catch (IOException e) {
            problems.add(new RuleProblem(file, 0, null, "cannot be read: " + e.getMessage()));
            return new Read(null, problems);
        }
        if (descriptor == null
                || descriptor.windows() == null
                || descriptor.windows().isEmpty()) {
            problems.add(new RuleProblem(file, 0, null, "needs \"windows\": the effective dates this version decides"));
            return new Read(null, problems);
        }
        List<GuidelineWindow> windows = new ArrayList<>();
        for (int i = 0; i < descriptor.windows().size(); i++) {
            Window window = descriptor.windows().get(i);
            String where = "windows[" + i + "]";
            if (window == null || window.transactionType() == null) {
                problems.add(new RuleProblem(
                        file, 0, null, where + " needs a transactionType (" + List.of(TransactionType.values()) + ")"));
                continue;
            }
            if (window.from() != null
                    && window.until() != null
                    && !window.from().isBefore(window.until())) {
                problems.add(new RuleProblem(
                        file,
                        0,
                        null,
                        where + " starts " + window.from() + " but ends before " + window.until()
                                + ": \"until\" is the first date it no longer decides"));
                continue;
            }
            windows.add(
                    new GuidelineWindow(window.transactionType(), window.products(), window.from(), window.until()));
        }
        if (!problems.isEmpty()) {
            return new Read(null, problems);
        }
        String description = descriptor.description() == null ? "" : descriptor.description();
        return new Read(new Guideline(folder.version(), description, windows), problems);
    }
}
