package com.healthcyber.underwriting.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No container engine or cluster runs here: what can be checked offline is checked — the
 * manifests parse and fit together, and the image runs what the README runs.
 */
class DeploymentFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path K8S = Path.of("docker/k8s");

    @Test
    void theDeploymentProbesHealthAndBoundsResources() throws IOException {
        JsonNode container = deployment().at("/spec/template/spec/containers/0");
        assertEquals(
                "/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals(
                "/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals(
                "/q/health/started", container.at("/startupProbe/httpGet/path").asText());
        assertFalse(container.at("/resources/limits/cpu").isMissingNode());
        assertFalse(container.at("/resources/limits/memory").isMissingNode());
        assertFalse(container.at("/resources/requests/cpu").isMissingNode());
        assertEquals(8080, container.at("/ports/0/containerPort").asInt());
        assertEquals("management", container.at("/ports/1/name").asText());
        assertEquals(9000, container.at("/ports/1/containerPort").asInt());
        assertEquals("management", container.at("/readinessProbe/httpGet/port").asText());
        assertEquals("management", container.at("/livenessProbe/httpGet/port").asText());
        assertTrue(deployment()
                .at("/spec/template/spec/securityContext/runAsNonRoot")
                .asBoolean());
    }

    @Test
    void theRulesVolumeIsWhereTheServiceLooksAndHoldsEveryRuleFile() throws IOException {
        JsonNode spec = deployment().at("/spec/template/spec");
        String rulesDir = null;
        for (JsonNode env : spec.at("/containers/0/env")) {
            if (env.get("name").asText().equals("UNDERWRITING_RULES_DIR")) {
                rulesDir = env.get("value").asText();
            }
        }
        assertEquals(rulesDir, spec.at("/containers/0/volumeMounts/0/mountPath").asText());

        Set<String> mapped = new TreeSet<>();
        spec.at("/volumes/1/configMap/items").forEach(item -> {
            assertEquals(
                    item.get("path").asText().replace("/", "__"),
                    item.get("key").asText());
            mapped.add(item.get("path").asText());
        });
        assertEquals(ruleFiles(), mapped, "deployment.yaml must map every file under rules/ (see rules-configmap.sh)");
    }

    @Test
    void theServiceAndAutoscalerPointAtTheDeployment() throws IOException {
        JsonNode deployment = deployment();
        JsonNode service = YAML.readTree(K8S.resolve("service.yaml").toFile());
        JsonNode hpa = YAML.readTree(K8S.resolve("hpa.yaml").toFile());
        assertEquals(deployment.at("/spec/template/metadata/labels"), service.at("/spec/selector"));
        assertEquals("http", service.at("/spec/ports/0/targetPort").asText());
        assertEquals("Deployment", hpa.at("/spec/scaleTargetRef/kind").asText());
        assertEquals(
                deployment.at("/metadata/name").asText(),
                hpa.at("/spec/scaleTargetRef/name").asText());
        assertTrue(hpa.at("/spec/maxReplicas").asInt()
                > hpa.at("/spec/minReplicas").asInt());
    }

    @Test
    void theImageRunsThePackagedAppAsTheReadmeDoesAndChecksReadiness() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(
                readme.contains("java -Xmx512m -jar target/quarkus-app/quarkus-run.jar"),
                "README's explicit run command");
        assertTrue(dockerfile.contains(
                "ENTRYPOINT [\"sh\", \"-c\", \"exec java $JAVA_OPTS -jar /deployments/quarkus-run.jar\"]"));
        assertTrue(dockerfile.contains("COPY --from=build --chown=1001:1001 /build/target/quarkus-app/ /deployments/"));
        assertTrue(dockerfile.contains("RUN ./mvnw -B -q package -DskipTests"), "built with the Maven wrapper");
        assertTrue(dockerfile.matches("(?s).*FROM eclipse-temurin:17-jre\\b.*"), "runs on a JRE");
        assertTrue(dockerfile.contains("USER 1001"));
        assertTrue(dockerfile.contains("VOLUME [\"/deployments/rules\", \"/deployments/data\"]"));
        assertTrue(dockerfile.contains("UNDERWRITING_DATA_DIR=/deployments/data"));
        assertTrue(dockerfile.contains("HEALTHCHECK")
                && dockerfile.contains("/dev/tcp/127.0.0.1/9000")
                && dockerfile.contains("/q/health/ready"));
        assertTrue(dockerfile.contains("MaxRAMPercentage"));
    }

    /** Replicas behind a Service must share one store: the embedded file would split the record per pod. */
    @Test
    void replicasRecordInPostgresqlFromASecret() throws IOException {
        Set<String> fromSecret = new TreeSet<>();
        for (JsonNode env : deployment().at("/spec/template/spec/containers/0/env")) {
            if (env.at("/valueFrom/secretKeyRef/name").asText().equals("underwriting-db")) {
                fromSecret.add(env.get("name").asText());
            }
        }
        assertEquals(
                Set.of("UNDERWRITING_STORE_URL", "UNDERWRITING_STORE_USERNAME", "UNDERWRITING_STORE_PASSWORD"),
                fromSecret);
    }

    /** The compose file runs the service on PostgreSQL with the checkout's rules, configured as the README says. */
    @Test
    void composeRunsTheServiceOnPostgresqlWithTheRulesMounted() throws IOException {
        JsonNode compose = YAML.readTree(Path.of("docker/compose.yaml").toFile());
        JsonNode service = compose.at("/services/service");
        JsonNode postgres = compose.at("/services/postgres");
        assertEquals("docker/Dockerfile", service.at("/build/dockerfile").asText());
        assertEquals(
                "service_healthy", service.at("/depends_on/postgres/condition").asText());
        assertEquals(
                "jdbc:postgresql://postgres:5432/"
                        + postgres.at("/environment/POSTGRES_DB").asText(),
                service.at("/environment/UNDERWRITING_STORE_URL").asText());
        assertEquals(
                postgres.at("/environment/POSTGRES_USER").asText(),
                service.at("/environment/UNDERWRITING_STORE_USERNAME").asText());
        assertEquals(
                postgres.at("/environment/POSTGRES_PASSWORD").asText(),
                service.at("/environment/UNDERWRITING_STORE_PASSWORD").asText());
        String rulesDir = service.at("/environment/UNDERWRITING_RULES_DIR").asText();
        assertTrue(service.get("volumes").toString().contains("../rules:" + rulesDir + ":ro"));
        assertTrue(
                postgres.get("volumes").toString().contains(":/var/lib/postgresql/data"),
                "the database outlives its container");
    }

    private static JsonNode deployment() throws IOException {
        return YAML.readTree(K8S.resolve("deployment.yaml").toFile());
    }

    private static Set<String> ruleFiles() throws IOException {
        Path rules = Path.of("rules");
        try (Stream<Path> files = Files.walk(rules, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> rules.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(".drl") || name.endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
