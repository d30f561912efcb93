package dev.tasksandbox.accounts.application;

import dev.tasksandbox.accounts.domain.RefreshToken;
import dev.tasksandbox.kernel.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

final class InMemoryRefreshTokens implements RefreshTokens {

    private final Map<String, RefreshToken> tokens = new HashMap<>();
    private final Set<UUID> revokedFamilies = new HashSet<>();

    @Override
    public Mono<String> issue(UserId user, UUID family, Instant familyExpiresAt, Instant expiresAt) {
        return Mono.fromSupplier(() -> {
            String token = UUID.randomUUID().toString();
            Instant familyEnd = tokens.values().stream()
                    .filter(stored -> stored.family().equals(family))
                    .map(RefreshToken::familyExpiresAt)
                    .findFirst()
                    .orElse(familyExpiresAt); // the family keeps the end its first token gave it
            tokens.put(token, new RefreshToken(token, family, user, expiresAt, familyEnd, false, false));
            return token;
        });
    }

    @Override
    public Mono<RefreshToken> lock(String token) {
        return Mono.justOrEmpty(tokens.get(token))
                .map(stored -> new RefreshToken(
                        stored.id(),
                        stored.family(),
                        stored.user(),
                        stored.expiresAt(),
                        stored.familyExpiresAt(),
                        stored.spent(),
                        revokedFamilies.contains(stored.family())));
    }

    @Override
    public Mono<Void> spend(RefreshToken token, Instant at) {
        return Mono.fromRunnable(() -> tokens.computeIfPresent(
                token.id(),
                (id, stored) -> new RefreshToken(
                        id,
                        stored.family(),
                        stored.user(),
                        stored.expiresAt(),
                        stored.familyExpiresAt(),
                        true,
                        false)));
    }

    @Override
    public Mono<Void> revokeFamily(UUID family, Instant at) {
        return Mono.fromRunnable(() -> revokedFamilies.add(family));
    }

    @Override
    public Mono<Void> revokeFamiliesOf(UserId user, Instant at) {
        return Mono.fromRunnable(() -> tokens.values().stream()
                .filter(token -> token.user().equals(user))
                .forEach(token -> revokedFamilies.add(token.family())));
    }
}
