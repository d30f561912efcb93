-- A family (one login) ends at a fixed time, however often its tokens are rotated. Families older than this
-- migration get the default lifetime, 30 days from their login.
ALTER TABLE refresh_token_families ADD COLUMN expires_at timestamptz;
UPDATE refresh_token_families SET expires_at = created_at + interval '30 days';
ALTER TABLE refresh_token_families ALTER COLUMN expires_at SET NOT NULL;
