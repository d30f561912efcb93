-- When each user last logged out everywhere (the UserSessionsRevoked events): their access tokens issued at or
-- before revoked_at are refused. One row per user, only ever moved later.
CREATE TABLE session_revocations (
    user_id    uuid PRIMARY KEY,
    revoked_at timestamptz NOT NULL
);

-- Every instance keeps the table in memory, for the check of every request; each consumes only some partitions,
-- so a row written by one is announced to all: "<user id> <revoked_at in microseconds since the epoch>", on
-- channel session_revocations, delivered when the writing transaction commits.
CREATE FUNCTION announce_session_revocation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('session_revocations',
                      NEW.user_id::text || ' ' || (extract(epoch FROM NEW.revoked_at) * 1000000)::bigint);
    RETURN NULL;
END
$$;

CREATE TRIGGER session_revocations_announced
    AFTER INSERT OR UPDATE ON session_revocations
    FOR EACH ROW EXECUTE FUNCTION announce_session_revocation();
