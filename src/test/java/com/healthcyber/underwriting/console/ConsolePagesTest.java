package com.healthcyber.underwriting.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the console's pages say about bad input: a page naming what is wrong, never a 500 or a trace. */
@QuarkusTest
class ConsolePagesTest {

    private ConsoleSession reader;

    @BeforeEach
    void signIn() {
        Tokens.anonymousRequests();
        reader = ConsoleSession.signIn("reader", "reader-password");
    }

    @Test
    void anUnknownOrMalformedDecisionIdIsAPageSayingSo() {
        reader.get("/console/decisions/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("No decision 00000000-0000-0000-0000-000000000000 is on record."));
        reader.get("/console/decisions/not-an-id/replay")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("No decision has that id."));
    }

    @Test
    void badFiltersAreListedOnTheSearchPage() {
        reader.get("/console/decisions?outcome=MAYBE&from=yesterday&cursor=garbage")
                .then()
                .statusCode(200)
                .body(containsString("Outcome: must be one of [ACCEPT, REFER, DECLINE]"))
                .body(containsString("Decided from: must be a date, yyyy-mm-dd"))
                .body(containsString("Page: the link is not one this console made"))
                .body(not(containsString("Exception")));
        reader.get("/console/book?per=month&periods=5000")
                .then()
                .statusCode(200)
                .body(containsString("Per: must be one of [DAY, WEEK]"))
                .body(containsString("Periods: must be a whole number from 1 to 106"));
    }

    @Test
    void anApplicationThatIsNotWellFormedIsNotSimulatedAndSaysWhy() {
        String token = reader.token("/console/simulate");
        given().cookies(reader.cookies)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token)
                .formParam("application", "{\"applicationId\":\"X\",\"product\":\"CYBER_HEALTHCARE\"}")
                .post("/console/simulate")
                .then()
                .statusCode(200)
                .body(containsString("Not a well-formed application; it was not evaluated"))
                .body(containsString("controls: is required"))
                .body(not(containsString("simulated-outcome")));
        given().cookies(reader.cookies)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token)
                .formParam("application", "not json at all")
                .post("/console/simulate")
                .then()
                .statusCode(200)
                .body(containsString("Not a well-formed application"));
    }
}
