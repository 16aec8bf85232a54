package com.healthcyber.underwriting.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.response.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A console user signed in over plain HTTP (RestAssured): its cookies and its forms' CSRF token. */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final String user;
    final Map<String, String> cookies;

    private ConsoleSession(String user, Map<String, String> cookies) {
        this.user = user;
        this.cookies = cookies;
    }

    /** Signs in through the form mechanism, as a browser would. */
    static ConsoleSession signIn(String user, String password) {
        Response response = given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user)
                .formParam("j_password", password)
                .post("/console/j_security_check");
        assertEquals(302, response.statusCode(), "sign-in of " + user);
        String session = response.getCookie("console-session");
        assertNotNull(session, "a session cookie for " + user);
        return new ConsoleSession(user, new java.util.HashMap<>(Map.of("console-session", session)));
    }

    Response get(String path) {
        Response response = given().redirects().follow(false).cookies(cookies).get(path);
        String csrf = response.getCookie(ConsoleCsrf.COOKIE);
        if (csrf != null) {
            cookies.put(ConsoleCsrf.COOKIE, csrf);
        }
        return response;
    }

    /** The CSRF token of the forms on this page. */
    String token(String page) {
        Matcher matcher =
                CSRF.matcher(get(page).then().statusCode(200).extract().asString());
        if (!matcher.find()) {
            throw new AssertionError(page + " has no form with a CSRF token");
        }
        return matcher.group(1);
    }
}
