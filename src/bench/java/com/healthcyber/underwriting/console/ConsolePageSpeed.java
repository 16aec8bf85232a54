package com.healthcyber.underwriting.console;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's page speed (src/bench/console-bench.sh): signs in as a local user, then asks for
 * each main page REQUESTS times, one after another as a person would, after WARMUP requests, and
 * prints the first (cold) answer's time, p50, p99 and the slowest, in milliseconds, from request
 * sent to last byte read.
 *
 * <p>Arguments: base URL, user, password, requests per page.
 */
public final class ConsolePageSpeed {

    private static final Pattern FIRST_DECISION = Pattern.compile("href=\"/console/decisions/([0-9a-f-]{36})\"");
    private static final Pattern FIRST_REFERRAL = Pattern.compile("data-decision=\"([0-9a-f-]{36})\"");
    private static final int WARMUP = 30;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int requests = Integer.parseInt(args[3]);
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String form = "j_username=" + URLEncoder.encode(args[1], StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(args[2], StandardCharsets.UTF_8);
        HttpResponse<String> signIn = client.send(
                HttpRequest.newBuilder(URI.create(base + "/console/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = signIn.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("console-session="))
                .map(value -> value.substring(0, value.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("sign-in refused: " + signIn.statusCode()));

        String list = get(client, base + "/console/decisions", cookie).body();
        Matcher found = FIRST_DECISION.matcher(list);
        if (!found.find()) {
            throw new IllegalStateException("no decision on the first page: is the store seeded?");
        }
        String decision = found.group(1);
        Matcher waiting = FIRST_REFERRAL.matcher(
                get(client, base + "/console/referrals", cookie).body());
        if (!waiting.find()) {
            throw new IllegalStateException("no open referral on the queue: is the queue rebuilt?");
        }
        String referral = waiting.group(1);
        List<String> pages = List.of(
                "/console/decisions",
                "/console/decisions?outcome=DECLINE",
                "/console/decisions?reasonCode=LOSS_HISTORY",
                "/console/decisions?product=MEDICAL_REGISTRY&outcome=REFER",
                "/console/decisions?applicationId=APP-500000",
                "/console/decisions?guidelineVersion=v1&outcome=REFER",
                "/console/decisions?guidelineVersion=v2",
                "/console/decisions/" + decision,
                "/console/decisions/" + decision + "/replay",
                "/console/rules",
                "/console/simulate",
                "/console/book",
                "/console/book?per=week&periods=12",
                "/console/referrals",
                "/console/referrals?requiredAuthority=UNDERWRITING_MANAGER&product=MEDICAL_REGISTRY",
                "/console/referrals/" + referral);
        System.out.printf("%-60s %8s %8s %8s %8s %8s%n", "page", "first ms", "p50 ms", "p99 ms", "max ms", "bytes");
        for (String page : pages) {
            long[] millis = new long[requests];
            long first = 0;
            int bytes = 0;
            for (int i = 0; i < WARMUP + requests; i++) {
                long started = System.nanoTime();
                HttpResponse<String> response = get(client, base + page, cookie);
                long took = System.nanoTime() - started;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(page + " answered " + response.statusCode());
                }
                if (i == 0) {
                    first = took / 1_000;
                }
                if (i >= WARMUP) {
                    millis[i - WARMUP] = took / 1_000;
                    bytes = response.body().length();
                }
            }
            Arrays.sort(millis);
            System.out.printf(
                    "%-60s %8.1f %8.1f %8.1f %8.1f %8d%n",
                    page,
                    first / 1000.0,
                    millis[requests / 2] / 1000.0,
                    millis[(int) Math.ceil(requests * 0.99) - 1] / 1000.0,
                    millis[requests - 1] / 1000.0,
                    bytes);
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url, String cookie) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Cookie", cookie)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
