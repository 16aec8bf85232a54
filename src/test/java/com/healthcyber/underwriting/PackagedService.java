package com.healthcyber.underwriting;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged jar in a process of its own, as operators run it: for tests that stop or kill it. */
public record PackagedService(Process process, int port, HttpClient http) implements AutoCloseable {

    public static PackagedService start(Map<String, String> environment) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(
                        "java",
                        "-Xmx256m",
                        "-Dquarkus.http.port=" + port,
                        "-Dquarkus.management.port=0",
                        "-Dunderwriting.rules.watch=false",
                        "-jar",
                        "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        PackagedService service = new PackagedService(builder.start(), port, HttpClient.newHttpClient());
        long deadline = System.nanoTime()
                + TimeUnit.SECONDS.toNanos(120); // two guideline versions verified at start on a busy 2-core CI machine
        while (System.nanoTime() < deadline) {
            try {
                service.decide("none", Payloads.contractExample());
                return service;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        service.close();
        throw new AssertionError("the service did not start");
    }

    public HttpResponse<String> decide(String token, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/decisions"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook, no draining, as a crash or an OOM killer would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
    }
}
