package com.healthcyber.underwriting.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.rest.DecisionResource;
import com.healthcyber.underwriting.rest.ReferralResource;
import com.healthcyber.underwriting.rest.RulesResource;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * One source of truth for who may do what: each console page admits exactly the roles of the
 * API operation it stands for, read from both methods' {@code @RolesAllowed}; no console page is
 * open to everyone but the sign-in and sign-out; and the navigation shows a page only to those
 * roles ({@link Nav} reads them from the same annotation).
 */
class ConsoleRolesTest {

    /** Console page method → the API operation whose roles it must have. */
    private static final Map<String, String> SAME_ROLES_AS = Map.ofEntries(
            Map.entry("DecisionPages.search", "DecisionResource.search"),
            Map.entry("DecisionPages.decision", "DecisionResource.find"),
            Map.entry("DecisionPages.replay", "DecisionResource.replay"),
            Map.entry("RulesPages.rules", "RulesResource.active"),
            Map.entry("RulesPages.reload", "RulesResource.reload"),
            Map.entry("ImpactPages.form", "RulesResource.impact"),
            Map.entry("ImpactPages.run", "RulesResource.impact"),
            // Evaluating an application without recording it is what a replay does.
            Map.entry("SimulationPages.form", "DecisionResource.replay"),
            Map.entry("SimulationPages.simulate", "DecisionResource.replay"),
            // The book counts what the search lists.
            Map.entry("BookPages.book", "DecisionResource.search"),
            Map.entry("ReferralPages.queue", "ReferralResource.list"),
            // The resolve form is shown to those who may send it, and sent as the API's resolution is.
            Map.entry("ReferralPages.form", "DecisionResource.resolve"),
            Map.entry("ReferralPages.submit", "DecisionResource.resolve"));

    private static final List<Class<?>> PAGES = List.of(
            DecisionPages.class,
            RulesPages.class,
            ImpactPages.class,
            SimulationPages.class,
            BookPages.class,
            ReferralPages.class,
            ConsoleResource.class);
    private static final List<Class<?>> API =
            List.of(DecisionResource.class, RulesResource.class, ReferralResource.class);

    @Test
    void everyConsolePageAdmitsTheRolesOfItsApiOperation() {
        List<String> differences = new ArrayList<>();
        SAME_ROLES_AS.forEach((page, operation) -> {
            Set<String> pageRoles = roles(method(PAGES, page));
            Set<String> apiRoles = roles(method(API, operation));
            if (!pageRoles.equals(apiRoles)) {
                differences.add(page + " " + pageRoles + " but " + operation + " " + apiRoles);
            }
        });
        assertEquals(List.of(), differences);
    }

    @Test
    void everyConsoleEndpointNamesItsRolesOrIsTheDoorway() {
        List<String> unlisted = new ArrayList<>();
        for (Class<?> page : PAGES) {
            for (Method method : page.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(GET.class) && !method.isAnnotationPresent(POST.class)) {
                    continue;
                }
                String name = page.getSimpleName() + "." + method.getName();
                boolean doorway = page == ConsoleResource.class
                        && (method.isAnnotationPresent(PermitAll.class)
                                || method.isAnnotationPresent(Authenticated.class));
                if (!doorway && !SAME_ROLES_AS.containsKey(name)) {
                    unlisted.add(name);
                }
            }
        }
        assertEquals(List.of(), unlisted, "console endpoints without an API operation to take their roles from");
    }

    @Test
    void theNavigationShowsAPageToItsRolesOnly() {
        for (Nav.Item item : navItems()) {
            assertTrue(!item.roles().isEmpty(), item.key());
        }
        assertEquals(
                roles(method(API, "RulesResource.impact")),
                navItems().stream()
                        .filter(i -> i.key().equals("impact"))
                        .findFirst()
                        .orElseThrow()
                        .roles());
        assertEquals(
                roles(method(API, "ReferralResource.list")),
                navItems().stream()
                        .filter(i -> i.key().equals("referrals"))
                        .findFirst()
                        .orElseThrow()
                        .roles());
    }

    private static List<Nav.Item> navItems() {
        return Nav.forUser(new com.healthcyber.underwriting.security.Underwriter(
                "everyone", Set.of("decisions:read", "decisions:write", "rules:admin"), java.util.Optional.empty()));
    }

    private static Method method(List<Class<?>> classes, String qualified) {
        String[] parts = qualified.split("\\.");
        return classes.stream()
                .filter(type -> type.getSimpleName().equals(parts[0]))
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> method.getName().equals(parts[1]))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no method " + qualified));
    }

    private static Set<String> roles(Method method) {
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        return allowed == null ? Set.of() : new TreeSet<>(Arrays.asList(allowed.value()));
    }
}
