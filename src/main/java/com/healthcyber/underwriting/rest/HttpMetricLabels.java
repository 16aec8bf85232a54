package com.healthcyber.underwriting.rest;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every label of the HTTP server meters comes from a bounded set. Quarkus takes the method
 * name as the client sent it, so each invented method (any token is valid HTTP) made a new
 * {@code http_server_requests_seconds} series, kept for the life of the process: 303,000 such
 * requests filled the heap. Methods outside the standard ones are counted as {@code OTHER}.
 *
 * <p>The {@code uri} label is the route template of the resource method that answered, or
 * {@code NOT_FOUND}; but a request refused before a method matched (a {@code 405} for a
 * method the path does not have, a {@code 413} body) carried its raw path, so invented paths
 * filled the 100 URI labels Micrometer allows, after which no new route was measured at all.
 * A raw path becomes the API's template it matches, or {@code UNKNOWN}.
 */
@Singleton
public class HttpMetricLabels {

    static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
    static final String OTHER = "OTHER";
    static final String UNKNOWN = "UNKNOWN";
    /** What Quarkus itself puts in {@code uri} for answers that matched no route. */
    static final Set<String> QUARKUS_URIS = Set.of("NOT_FOUND", "REDIRECTION", "root", "/");

    @Produces
    @Singleton
    MeterFilter boundedHttpServerLabels(BeanManager beans) {
        Map<String, Pattern> templates = templates(beans);
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.server")) {
                    return id;
                }
                List<Tag> tags = id.getTags().stream()
                        .map(tag -> switch (tag.getKey()) {
                            case "method" -> METHODS.contains(tag.getValue()) ? tag : Tag.of("method", OTHER);
                            case "uri" -> Tag.of("uri", uri(tag.getValue(), templates));
                            default -> tag;
                        })
                        .toList();
                return tags.equals(id.getTags()) ? id : id.replaceTags(tags);
            }
        };
    }

    static String uri(String uri, Map<String, Pattern> templates) {
        if (QUARKUS_URIS.contains(uri) || templates.containsKey(uri)) {
            return uri;
        }
        for (Map.Entry<String, Pattern> template : templates.entrySet()) {
            if (template.getValue().matcher(uri).matches()) {
                return template.getKey();
            }
        }
        return UNKNOWN;
    }

    /** The route templates of the service's JAX-RS resources (every bean whose class has {@code @Path}), as Quarkus writes them. */
    static Map<String, Pattern> templates(BeanManager beans) {
        Map<String, Pattern> templates = new LinkedHashMap<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path root = bean.getBeanClass().getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            add(templates, root.value());
            for (Method method : bean.getBeanClass().getMethods()) {
                Path path = method.getAnnotation(Path.class);
                if (path != null) {
                    add(templates, root.value() + "/" + path.value());
                }
            }
        }
        return templates;
    }

    private static void add(Map<String, Pattern> templates, String path) {
        String template = ("/" + path).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        String[] parts = template.split("\\{[^}]*}", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(Pattern.quote(parts[i]));
            if (i < parts.length - 1) {
                regex.append("[^/]+");
            }
        }
        templates.put(template, Pattern.compile(regex.toString()));
    }
}
