package com.newsdesk.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The HTTP API's JWT authorizer, locally. In AWS it checks Cognito's signature, issuer, audience and expiry and
 * passes the claims on; here the issuer is a local RSA key pair, kept under {@code .local/} so tokens outlive a
 * restart. Whatever fails the check never reaches a function.
 */
final class LocalJwtAuthorizer {
    static final String ISSUER = "http://localhost/local-editors";
    static final String AUDIENCE = "newsdesk-local";

    private final RSAKey key;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    private LocalJwtAuthorizer(RSAKey key) {
        this.key = key;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                AUDIENCE, new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("exp")));
    }

    /** Signs with the key pair in {@code keyFile}, made there on first use. */
    static LocalJwtAuthorizer withKeyIn(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return new LocalJwtAuthorizer(RSAKey.parse(Files.readString(keyFile)));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID("local-editors").generate();
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, key.toJSONString());
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            return new LocalJwtAuthorizer(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the local signing key in " + keyFile, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The local signing key in " + keyFile + " is unusable; delete it to make a new one", e);
        }
    }

    /** A token as Cognito issues one to a member of the editors group. */
    String editorToken(Duration validFor) {
        return token("editor", "editors", validFor);
    }

    /** A token as Cognito issues one to a member of the writers group. */
    String writerToken(Duration validFor) {
        return token("writer", "writers", validFor);
    }

    private String token(String user, String group, Duration validFor) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .subject("local-" + user)
                .claim("cognito:groups", List.of(group))
                .claim("cognito:username", user)
                .claim("email", user + "@localhost")
                .claim("token_use", "id")
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validFor)))
                .build());
    }

    String sign(JWTClaimsSet claims) {
        try {
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            token.sign(new RSASSASigner(key));
            return token.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a local token", e);
        }
    }

    /**
     * The claims of a valid {@code Authorization: Bearer <JWT>}, as API Gateway passes them to the function: every
     * value a string, arrays flattened like {@code [editors reporters]}, dates in epoch seconds.
     */
    Map<String, String> verify(String authorization) throws Unauthorized {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Unauthorized("Send Authorization: Bearer <JWT>.");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(authorization.substring(7).trim(), null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new Unauthorized("The token was refused: " + e.getMessage());
        }
        Map<String, String> flattened = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> flattened.put(name, flatten(value)));
        return flattened;
    }

    private static String flatten(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
        }
        if (value instanceof Date date) {
            return Long.toString(date.toInstant().getEpochSecond());
        }
        return String.valueOf(value);
    }

    /** A token API Gateway's JWT authorizer would refuse with 401. */
    static final class Unauthorized extends Exception {
        Unauthorized(String detail) {
            super(detail);
        }
    }
}
