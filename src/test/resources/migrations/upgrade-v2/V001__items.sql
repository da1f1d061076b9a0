-- A released first version, as a user's file already has it.
CREATE TABLE item (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL
);
