package com.souq.commerce.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The RSA keys that sign access tokens (RS256): the active one signs, every configured one verifies, and all their
 * public halves are published as a JWKS document. Without configured keys a key pair is generated at startup, which
 * suits one process tried locally only: its tokens die with the process and another instance rejects them.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final List<RSAKey> keys;
    private final RSAKey active;

    SigningKeys(List<RSAKey> keys, String activeKeyId) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("No signing key");
        }
        this.keys = List.copyOf(keys);
        this.active = activeKeyId == null || activeKeyId.isBlank() ? keys.getFirst() : keys.stream()
                .filter(key -> key.getKeyID().equals(activeKeyId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("souq.security.jwt.active-key names " + activeKeyId
                        + ", which is not among souq.security.jwt.keys"));
    }

    public static SigningKeys from(JwtProperties properties) {
        List<JwtProperties.Key> configured = properties.keys().stream()
                .filter(key -> key.privateKey() != null && !key.privateKey().isBlank()).toList();
        if (configured.isEmpty()) {
            log.warn("No souq.security.jwt.keys configured: access tokens are signed with a key generated for this "
                    + "process only; they become invalid on restart and on every other instance");
            return new SigningKeys(List.of(generated()), null);
        }
        List<RSAKey> keys = new ArrayList<>();
        for (JwtProperties.Key key : configured) {
            keys.add(parse(key));
        }
        if (keys.stream().map(RSAKey::getKeyID).distinct().count() != keys.size()) {
            throw new IllegalStateException("souq.security.jwt.keys: key ids must be unique");
        }
        return new SigningKeys(keys, properties.activeKey());
    }

    /** The key id that signs new tokens. */
    public String activeKeyId() {
        return active.getKeyID();
    }

    /** The public keys, as served at {@code /.well-known/jwks.json}. */
    public Map<String, Object> publicJwks() {
        List<JWK> publics = keys.stream().<JWK>map(RSAKey::toPublicJWK).toList();
        return new JWKSet(publics).toJSONObject(true);
    }

    /** A signed RS256 token with the given claims, its header naming the active key. */
    public String sign(JwtClaimsSet claims) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(active)));
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(active.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** Verifies RS256 tokens signed by any of the keys, chosen by the {@code kid} of the token's header. */
    JwtDecoder decoder() {
        return NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(new JWKSet(keys.stream()
                        .<JWK>map(RSAKey::toPublicJWK).toList())))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
    }

    static RSAKey parse(JwtProperties.Key configured) {
        if (configured.id() == null || configured.id().isBlank() || configured.privateKey() == null) {
            throw new IllegalStateException("souq.security.jwt.keys: every key needs an id and a private-key");
        }
        String body = configured.privateKey().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            if (privateKey.getModulus().bitLength() < 2048) {
                throw new IllegalStateException("souq.security.jwt.keys: key " + configured.id()
                        + " is shorter than 2048 bits");
            }
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return rsaKey(publicKey, privateKey, configured.id());
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("souq.security.jwt.keys: key " + configured.id()
                    + " is not an RSA private key in PKCS#8 (PEM or base64)", e);
        }
    }

    private static RSAKey generated() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return rsaKey((RSAPublicKey) pair.getPublic(), (RSAPrivateCrtKey) pair.getPrivate(),
                    "generated-" + Instant.now().getEpochSecond());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(RSAPublicKey publicKey, RSAPrivateCrtKey privateKey, String id) {
        return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(id).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).build();
    }
}
