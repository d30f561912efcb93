CREATE TABLE projects (
    id                   uuid PRIMARY KEY,
    owner_id             uuid        NOT NULL,
    name                 varchar(32) NOT NULL,
    archived             boolean     NOT NULL,
    max_incomplete_tasks integer CHECK (max_incomplete_tasks >= 0),
    -- Kept on the project so numbers are never given twice, whatever happens to the tasks.
    last_task_number     integer     NOT NULL,
    -- Optimistic locking: every write of the aggregate checks and bumps it.
    version              bigint      NOT NULL,
    -- Creation order for keyset pagination ("newest last"); ids are random and do not sort by time.
    position             bigint GENERATED ALWAYS AS IDENTITY,
    -- For operators (and the pipeline benchmark): when the row was written, by the database's clock.
    created_at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX projects_owner_position ON projects (owner_id, position);

CREATE TABLE tasks (
    project_id   uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    number       integer     NOT NULL CHECK (number >= 1),
    name         varchar(32) NOT NULL,
    completed_at timestamptz,
    PRIMARY KEY (project_id, number)
);

-- Integration events that already took effect, written in the transaction of their effect.
CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);
