package com.healthcyber.underwriting.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * When no verification key or JWKS is configured, tokens are verified with the local key pair
 * (created on first use). When one is configured, this contributes nothing: no local key is
 * created, and tokens signed with one are not accepted.
 */
public class LocalSigningKeyConfig implements ConfigSourceFactory {

    static final String KEY = "mp.jwt.verify.publickey";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String DATA_DIR = "underwriting.data.dir";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (configured(context, KEY) || configured(context, KEY_LOCATION)) {
            return List.of();
        }
        String dataDir = configured(context, DATA_DIR) ? value(context, DATA_DIR) : "data";
        LocalSigningKeys keys = LocalSigningKeys.ensure(Path.of(dataDir));
        Map<String, String> local = new HashMap<>();
        local.put(KEY_LOCATION, keys.publicKeyFile().toAbsolutePath().toUri().toString());
        if (!configured(context, ISSUER)) {
            local.put(ISSUER, LocalSigningKeys.ISSUER);
        }
        return List.of(new PropertiesConfigSource(local, "underwriting-local-signing-key", 110));
    }

    private static boolean configured(ConfigSourceContext context, String name) {
        return value(context, name) != null;
    }

    /** The value for the active profile if there is one, else the plain value. */
    private static String value(ConfigSourceContext context, String name) {
        for (String profile : context.getProfiles()) {
            ConfigValue profiled = context.getValue("%" + profile + "." + name);
            if (profiled != null && profiled.getValue() != null && !profiled.getValue().isBlank()) {
                return profiled.getValue();
            }
        }
        ConfigValue plain = context.getValue(name);
        return plain == null || plain.getValue() == null || plain.getValue().isBlank() ? null : plain.getValue();
    }
}
