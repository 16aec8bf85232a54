package com.healthcyber.underwriting.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny OpenID provider on the loopback interface, enough for the authorization code flow of
 * quarkus-oidc: discovery, its signing key, an authorization endpoint that signs in whoever
 * {@link #nextUser} names without a form (the provider's own sign-in page is not under test), a
 * token endpoint that redeems each code once for the client's secret, and an end-session
 * endpoint. Tokens are RS256 with a key made for this run. What the service asked of it is
 * recorded, so a test can check the flow, not only its end.
 */
public class TestIdentityProvider implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "underwriting-console";
    static final String CLIENT_SECRET = "console-secret-" + UUID.randomUUID();

    /** Who the provider signs in at the next authorization request. */
    record User(String username, Set<String> groups, String authority) {}

    static volatile User nextUser = new User("dana", Set.of("decisions:read"), "SENIOR_UNDERWRITER");

    /** Each request the service (or the browser) made, as "METHOD /path". */
    static final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());

    private static final Map<String, User> codes = new ConcurrentHashMap<>();

    private static String issuer;
    private static KeyPair key;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            key = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/idp";
        server.createContext("/idp/.well-known/openid-configuration", exchange -> json(exchange, 200, discovery()));
        server.createContext("/idp/jwks", exchange -> json(exchange, 200, jwks()));
        server.createContext("/idp/authorize", TestIdentityProvider::authorize);
        server.createContext("/idp/token", TestIdentityProvider::token);
        server.createContext("/idp/logout", TestIdentityProvider::logout);
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("underwriting.console.sign-in", "code");
        config.put("quarkus.oidc.tenant-enabled", "true");
        config.put("quarkus.oidc.auth-server-url", issuer);
        config.put("quarkus.oidc.client-id", CLIENT_ID);
        config.put("quarkus.oidc.credentials.secret", CLIENT_SECRET);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String discovery() {
        return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\","
                + "\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/jwks\","
                + "\"end_session_endpoint\":\"" + issuer + "/logout\","
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\"]}";
    }

    private static String jwks() {
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"idp\",\"n\":\""
                + unsigned(publicKey.getModulus().toByteArray()) + "\",\"e\":\""
                + unsigned(publicKey.getPublicExponent().toByteArray()) + "\"}]}";
    }

    private static String unsigned(byte[] twosComplement) {
        int skip = twosComplement.length > 1 && twosComplement[0] == 0 ? 1 : 0;
        byte[] magnitude = java.util.Arrays.copyOfRange(twosComplement, skip, twosComplement.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(magnitude);
    }

    /** Signs {@link #nextUser} in at once and sends the browser back with a one-time code. */
    private static void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        requests.add("GET /idp/authorize?client_id=" + query.get("client_id") + "&response_type="
                + query.get("response_type"));
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))) {
            json(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, nextUser);
        redirect(
                exchange,
                query.get("redirect_uri") + "?code=" + code + "&state="
                        + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
    }

    /** Redeems a code once, for this client's secret only. */
    private static void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add("POST /idp/token grant_type=" + body.get("grant_type"));
        if (!clientAuthenticated(exchange, body)) {
            json(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        User user = "authorization_code".equals(body.get("grant_type")) ? codes.remove(body.get("code")) : null;
        if (user == null) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String idToken = signed(user, CLIENT_ID);
        json(
                exchange,
                200,
                "{\"access_token\":\"" + signed(user, CLIENT_ID) + "\",\"id_token\":\"" + idToken
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":600}");
    }

    private static boolean clientAuthenticated(HttpExchange exchange, Map<String, String> body) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
            return pair.equals(CLIENT_ID + ":" + CLIENT_SECRET);
        }
        return CLIENT_ID.equals(body.get("client_id")) && CLIENT_SECRET.equals(body.get("client_secret"));
    }

    private static void logout(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        requests.add("GET /idp/logout");
        String back = query.get("post_logout_redirect_uri");
        if (back == null) {
            json(exchange, 200, "{\"signedOut\":true}");
            return;
        }
        redirect(exchange, back);
    }

    private static String signed(User user, String audience) {
        var claims = Jwt.issuer(issuer)
                .subject("idp-" + user.username())
                .audience(audience)
                .claim("preferred_username", user.username())
                .groups(user.groups())
                .expiresIn(Duration.ofMinutes(10));
        if (user.authority() != null) {
            claims.claim("uw_authority", user.authority());
        }
        return claims.jws().keyId("idp").sign(key.getPrivate());
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", URI.create(location).toString());
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
