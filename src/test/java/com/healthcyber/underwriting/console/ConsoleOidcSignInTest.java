package com.healthcyber.underwriting.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.security.Roles;
import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's sign-in through an identity provider (underwriting.console.sign-in=code): the
 * OIDC authorization code flow against {@link TestIdentityProvider}, hop by hop as a browser
 * follows it, with the roles from the ID token's groups and the authority from uw_authority, and
 * signing out at the provider too.
 */
@QuarkusTest
@TestProfile(ConsoleOidcProfile.class)
class ConsoleOidcSignInTest {

    @TestHTTPResource("/")
    URL base;

    /** The cookies a browser would hold for this service, by name. */
    private final Map<String, String> jar = new HashMap<>();

    @BeforeEach
    void anonymous() {
        Tokens.anonymousRequests();
        TestIdentityProvider.requests.clear();
    }

    @Test
    void signsInThroughTheIdentityProviderWithItsRolesAndAuthorityAndSignsOut() {
        TestIdentityProvider.nextUser =
                new TestIdentityProvider.User("dana", Set.of(Roles.DECISIONS_READ), "SENIOR_UNDERWRITER");

        Response toProvider = get("/console/rules");
        assertEquals(302, toProvider.statusCode(), "someone not signed in is sent to the provider");
        URI authorize = URI.create(toProvider.header("Location"));
        assertTrue(authorize.getPath().endsWith("/idp/authorize"), authorize.toString());
        assertTrue(
                authorize.getRawQuery().contains("client_id=" + TestIdentityProvider.CLIENT_ID), authorize.toString());
        assertTrue(authorize.getRawQuery().contains("console%2Fsigned-in"), "back to the console's redirect path");

        Response back = atProvider(authorize);
        assertEquals(302, back.statusCode());
        Response signedIn = get(pathOf(back.header("Location")));
        assertEquals(302, signedIn.statusCode(), "the code redeemed, back to the page asked for");
        assertEquals("/console/rules", pathOf(signedIn.header("Location")));
        assertEquals(
                List.of("POST /idp/token grant_type=authorization_code"),
                TestIdentityProvider.requests.stream()
                        .filter(request -> request.startsWith("POST"))
                        .toList(),
                "the service redeemed the code itself, once");

        assertTrue(jar.containsKey("q_session"), "the code flow's session cookie: " + jar.keySet());
        get("/console/rules")
                .then()
                .statusCode(200)
                .body(containsString("dana · SENIOR_UNDERWRITER"))
                .body(containsString("roles: decisions:read"));
        // The token's groups are the roles, and they open what they open, no more.
        get("/console/impact")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("needs the role rules:admin; you have decisions:read"));
        // The console's session is no credential on the API, which takes bearer tokens only.
        given().cookies(jar).get("/decisions").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_READ))
                .get("/decisions")
                .then()
                .statusCode(200);

        String csrf = csrf(get("/console/decisions").asString());
        Response signOut = given().redirects()
                .follow(false)
                .cookies(jar)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf)
                .post("/console/logout");
        keep(signOut);
        assertEquals(200, signOut.statusCode(), "a page that moves on by itself, which the CSP allows");
        assertTrue(signOut.asString().contains("content=\"0;url=/console/oidc-logout\""), signOut.asString());
        Response atProvider = get("/console/oidc-logout");
        assertEquals(302, atProvider.statusCode());
        URI endSession = URI.create(atProvider.header("Location"));
        assertTrue(endSession.getPath().endsWith("/idp/logout"), "signed out at the provider too: " + endSession);
        assertTrue(!jar.containsKey("q_session"), "the session cookie is cleared: " + jar.keySet());
        Response home = atProvider(endSession);
        assertEquals("/console/login", pathOf(home.header("Location")));
        assertEquals(302, get("/console/decisions").statusCode(), "signed out means signed out");
    }

    @Test
    void anotherPersonsTokenCarriesTheirOwnRolesAndAuthority() {
        TestIdentityProvider.nextUser =
                new TestIdentityProvider.User("omar", Set.of(Roles.DECISIONS_READ, Roles.RULES_ADMIN), "UNDERWRITER");
        Response back = atProvider(URI.create(get("/console/impact").header("Location")));
        get(pathOf(back.header("Location")));
        get("/console/impact")
                .then()
                .statusCode(200)
                .body(containsString("omar · UNDERWRITER"))
                .body(containsString("roles: decisions:read, rules:admin"));
    }

    @Test
    void aBrowserSignsInAtTheProviderAndOutAgain() {
        TestIdentityProvider.nextUser =
                new TestIdentityProvider.User("lee", Set.of(Roles.DECISIONS_READ), "UNDERWRITER");
        WebDriver browser = Browser.driver();
        browser.manage().deleteAllCookies();
        browser.get(base.toString().replaceAll("/$", "") + "/console/book");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
        assertTrue(
                browser.getCurrentUrl().endsWith("/console/book"),
                "back on the page asked for: " + browser.getCurrentUrl());
        assertEquals(
                "lee · UNDERWRITER",
                browser.findElement(By.cssSelector("form.signout .who"))
                        .getText()
                        .strip());
        Browser.screenshot("oidc-signed-in");
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/console/login"));
        assertTrue(TestIdentityProvider.requests.contains("GET /idp/logout"), "signed out at the provider");
        browser.get(base.toString().replaceAll("/$", "") + "/console/book");
        // Signed out of both: the provider signs "lee" in again only because this one never asks.
        assertTrue(
                TestIdentityProvider.requests.stream()
                                .filter(request -> request.startsWith("GET /idp/authorize"))
                                .count()
                        == 2,
                "a new sign-in at the provider, not the old session: " + TestIdentityProvider.requests);
    }

    /** A hop to the provider, its address sent exactly as the service wrote it. */
    private static Response atProvider(URI address) {
        return given().urlEncodingEnabled(false).redirects().follow(false).get(address.toString());
    }

    private Response get(String path) {
        Response response = given().redirects().follow(false).cookies(jar).get(path);
        keep(response);
        return response;
    }

    /** As a browser does: a cookie set replaces, one expired is dropped. */
    private void keep(Response response) {
        for (Cookie cookie : response.detailedCookies()) {
            if (cookie.getValue() == null || cookie.getValue().isEmpty() || cookie.getMaxAge() == 0) {
                jar.remove(cookie.getName());
            } else {
                jar.put(cookie.getName(), cookie.getValue());
            }
        }
    }

    private static String csrf(String page) {
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(page);
        assertTrue(field.find(), "a form with its CSRF token");
        return field.group(1);
    }

    private static String pathOf(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
