package com.healthcyber.underwriting.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SmallRye JWT's parser, which Quarkus' bearer-token identity provider calls for every request
 * with the configured verification ({@link #parse(String)}), in front of it the verified tokens.
 * A CDI alternative for {@link JWTParser}, the bean the identity provider injects, wrapping
 * SmallRye's own: its verification stays as it is. (A CDI decorator of it cannot be built: ArC's
 * decorated subclass of the library's bean cannot reach the field SmallRye injects.) Every other
 * use (an explicit key or context) goes straight through.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class CachedTokenParser implements JWTParser {

    private final JWTParser parser;
    private final VerifiedTokens tokens;

    public CachedTokenParser(DefaultJWTParser parser, VerifiedTokens tokens) {
        this.parser = parser;
        this.tokens = tokens;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return tokens.verified(token, parser::parse);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
