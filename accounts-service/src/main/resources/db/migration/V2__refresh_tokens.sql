-- A family is one login: every refresh token issued by rotating the first one belongs to it, so reuse of a
-- spent token can revoke them all at once.
CREATE TABLE refresh_token_families (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);

CREATE INDEX refresh_token_families_user ON refresh_token_families (user_id);

-- Only the SHA-256 of a token is kept (hex); the token itself is shown once to its owner.
CREATE TABLE refresh_tokens (
    token_hash char(64) PRIMARY KEY,
    family_id  uuid        NOT NULL REFERENCES refresh_token_families (id) ON DELETE CASCADE,
    issued_at  timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    spent_at   timestamptz
);

CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
