-- The service's own role. It owns the service's database, so the public schema is its own (PostgreSQL 15 and
-- later give that schema to the database's owner) and Flyway, running as this role, creates the schema in it.
-- It is no superuser, cannot create roles or databases, and cannot stream the WAL.
-- psql variables: database, owner, owner_password. Run by the PostgreSQL container's init script
-- (service-roles.sh) for docker compose, and by the local stack and the tests (local-stack's ServiceRoles).
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
ALTER DATABASE :"database" OWNER TO :"owner";
