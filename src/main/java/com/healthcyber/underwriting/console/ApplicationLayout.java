package com.healthcyber.underwriting.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An application as an underwriter reads it: applicant, patient data, controls, history,
 * coverage, registries, external scan, in that order, each a list of labelled values and its
 * lists as tables. Built from the request as it was sent, field by field, so a field added to
 * the contract shows up without a change here; anything unexpected lands under "Other".
 */
public final class ApplicationLayout {

    /** A part of the application. */
    public record Section(String title, List<Field> fields, List<Table> tables) {}

    public record Field(String label, String value) {}

    public record Table(String title, List<String> headers, List<List<String>> rows) {}

    private static final Map<String, String> SECTIONS = orderedTitles();

    private ApplicationLayout() {}

    static List<Section> of(String requestBody, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(requestBody);
        } catch (IOException e) {
            return List.of();
        }
        if (root == null || !root.isObject()) {
            return List.of();
        }
        List<Section> sections = new ArrayList<>();
        List<Field> top = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
            JsonNode node = root.get(section.getKey());
            if (node != null && !node.isNull()) {
                shown.add(section.getKey());
                sections.add(section(section.getValue(), node));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!shown.contains(field.getKey()) && field.getValue().isValueNode()) {
                top.add(new Field(label(field.getKey()), text(field.getValue())));
            } else if (!shown.contains(field.getKey()) && !field.getValue().isNull()) {
                sections.add(section(label(field.getKey()), field.getValue()));
            }
        }
        if (!top.isEmpty()) {
            sections.add(0, new Section("Application", top, List.of()));
        }
        return sections;
    }

    private static Section section(String title, JsonNode node) {
        List<Field> fields = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        if (node.isArray()) {
            tables.add(table(title, node));
            return new Section(title, fields, tables);
        }
        if (!node.isObject()) {
            fields.add(new Field(title, text(node)));
            return new Section(title, fields, tables);
        }
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isArray() && value.size() > 0 && value.get(0).isObject()) {
                tables.add(table(label(field.getKey()), value));
            } else if (value.isObject()) {
                value.fields()
                        .forEachRemaining(inner -> fields.add(new Field(
                                label(field.getKey()) + ": " + label(inner.getKey()), text(inner.getValue()))));
            } else {
                fields.add(new Field(label(field.getKey()), text(value)));
            }
        });
        return new Section(title, fields, tables);
    }

    private static Table table(String title, JsonNode array) {
        Set<String> columns = new LinkedHashSet<>();
        array.forEach(row -> row.fieldNames().forEachRemaining(columns::add));
        List<List<String>> rows = new ArrayList<>();
        array.forEach(row -> {
            List<String> cells = new ArrayList<>();
            if (row.isObject()) {
                columns.forEach(column -> cells.add(row.has(column) ? text(row.get(column)) : ""));
            } else {
                cells.add(text(row));
            }
            rows.add(cells);
        });
        List<String> headers = columns.isEmpty()
                ? List.of(title)
                : columns.stream().map(ApplicationLayout::label).toList();
        return new Table(title, headers, rows);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "—";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "yes" : "no";
        }
        if (value.isIntegralNumber() && Math.abs(value.longValue()) >= 10_000) {
            return String.format("%,d", value.longValue());
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(text(item)));
            return items.isEmpty() ? "none" : String.join(", ", items);
        }
        if (value.isObject()) {
            return value.toString();
        }
        return value.asText();
    }

    /** {@code mfaRemoteAccess} → "MFA remote access": the words of the field's name. */
    static String label(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        String[] words = spaced.split(" ");
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.equalsIgnoreCase("mfa")
                    || word.equalsIgnoreCase("edr")
                    || word.equalsIgnoreCase("rdp")
                    || word.equalsIgnoreCase("id")) {
                word = word.toUpperCase();
            } else if (i > 0 && !(word.length() > 1 && word.equals(word.toUpperCase()))) {
                word = word.toLowerCase();
            } else if (i == 0) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            label.append(i == 0 ? "" : " ").append(word);
        }
        return label.toString();
    }

    private static Map<String, String> orderedTitles() {
        Map<String, String> titles = new java.util.LinkedHashMap<>();
        titles.put("applicant", "Applicant");
        titles.put("data", "Patient data");
        titles.put("controls", "Controls");
        titles.put("history", "History");
        titles.put("coverage", "Coverage");
        titles.put("registries", "Registries");
        titles.put("externalScan", "External scan");
        return titles;
    }
}
