package com.healthcyber.underwriting.console;

import com.healthcyber.underwriting.security.Underwriter;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The console's navigation. An entry shows only to those who may open it, and who may is read
 * from the {@code @RolesAllowed} of the page it opens, so a link and its page cannot disagree.
 */
public final class Nav {

    /** One entry: who may open it is the roles of its page. */
    public record Item(String key, String label, String href, Set<String> roles) {
        boolean open(Underwriter user) {
            return roles.stream().anyMatch(user::has);
        }
    }

    private static final List<Item> ITEMS = List.of(
            item("decisions", "Decisions", "/console/decisions", DecisionPages.class, "search"),
            item("referrals", "Referrals", "/console/referrals", ReferralPages.class, "queue"),
            item("book", "Book", "/console/book", BookPages.class, "book"),
            item("rules", "Rules", "/console/rules", RulesPages.class, "rules"),
            item("impact", "Impact", "/console/impact", ImpactPages.class, "form"),
            item("simulate", "Try an application", "/console/simulate", SimulationPages.class, "form"));

    private Nav() {}

    static List<Item> forUser(Underwriter user) {
        return ITEMS.stream().filter(item -> item.open(user)).toList();
    }

    /** The roles that may call this page method, from its annotation. */
    static Set<String> rolesOf(Class<?> page, String method) {
        Method found = Arrays.stream(page.getDeclaredMethods())
                .filter(candidate -> candidate.getName().equals(method))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(page.getSimpleName() + " has no method " + method));
        RolesAllowed allowed = found.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            throw new IllegalStateException(page.getSimpleName() + "." + method + " names no roles");
        }
        return Set.of(allowed.value());
    }

    private static Item item(String key, String label, String href, Class<?> page, String method) {
        return new Item(key, label, href, rolesOf(page, method));
    }
}
