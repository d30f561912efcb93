-- When the user last logged out everywhere: every access token issued at or before it is refused, here at once
-- and by projects-service once the UserSessionsRevoked event reaches it. Null: never.
ALTER TABLE users ADD COLUMN sessions_revoked_at timestamptz;
