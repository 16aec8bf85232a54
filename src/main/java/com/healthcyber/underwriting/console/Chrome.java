package com.healthcyber.underwriting.console;

import com.healthcyber.underwriting.security.Underwriter;
import java.util.List;

/**
 * What every console page shows around its content: who is signed in, the navigation they may
 * use, and the token their forms carry ({@link ConsoleCsrf}).
 *
 * @param active the navigation entry of this page
 */
public record Chrome(Underwriter user, String csrf, String active, List<Nav.Item> nav) {

    public String csrfField() {
        return ConsoleCsrf.FIELD;
    }
}
