package com.healthcyber.underwriting.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local key exists only while no identity provider is configured. */
class LocalSigningKeyConfigTest {

    @TempDir
    Path data;

    @Test
    void createsAndTrustsALocalKeyWhenNothingIsConfigured() {
        List<ConfigSource> sources = sources(Map.of(LocalSigningKeyConfig.DATA_DIR, data.toString()), List.of("prod"));
        assertEquals(1, sources.size());
        assertTrue(Files.exists(data.resolve("jwt/public-key.pem")));
        assertTrue(Files.exists(data.resolve("jwt/private-key.pem")));
        assertEquals(data.resolve("jwt/public-key.pem").toUri().toString(), sources.get(0).getValue(LocalSigningKeyConfig.KEY_LOCATION));
        assertEquals(LocalSigningKeys.ISSUER, sources.get(0).getValue(LocalSigningKeyConfig.ISSUER));
    }

    @Test
    void makesNoLocalKeyWhenAJwksIsConfigured() {
        List<ConfigSource> sources = sources(Map.of(LocalSigningKeyConfig.DATA_DIR, data.toString(),
                LocalSigningKeyConfig.KEY_LOCATION, "https://idp.example.com/certs"), List.of("prod"));
        assertEquals(List.of(), sources);
        assertFalse(Files.exists(data.resolve("jwt")));
    }

    @Test
    void makesNoLocalKeyWhenTheActiveProfileConfiguresOne() {
        List<ConfigSource> sources = sources(Map.of(LocalSigningKeyConfig.DATA_DIR, data.toString(),
                "%test." + LocalSigningKeyConfig.KEY_LOCATION, "file:some-key.pem"), List.of("test"));
        assertEquals(List.of(), sources);
        assertFalse(Files.exists(data.resolve("jwt")));
    }

    @Test
    void keepsAConfiguredIssuer() {
        List<ConfigSource> sources = sources(Map.of(LocalSigningKeyConfig.DATA_DIR, data.toString(),
                LocalSigningKeyConfig.ISSUER, "my-issuer"), List.of("prod"));
        assertEquals(null, sources.get(0).getValue(LocalSigningKeyConfig.ISSUER));
    }

    private static List<ConfigSource> sources(Map<String, String> values, List<String> profiles) {
        ConfigSourceContext context = new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                String value = values.get(name);
                return value == null ? null : ConfigValue.builder().withName(name).withValue(value).build();
            }

            @Override
            public List<String> getProfiles() {
                return profiles;
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
        List<ConfigSource> sources = new ArrayList<>();
        new LocalSigningKeyConfig().getConfigSources(context).forEach(sources::add);
        return sources;
    }
}
