-- A file's bytes in pieces of 1 MiB (store/Blobs.java), as ../V010__blob_chunks.sql: the first piece in blob.data,
-- the rest here. No PostgreSQL database holds a file whole from before: this release is the first on PostgreSQL.
CREATE TABLE blob_chunk (
    sha256  text    COLLATE "C" NOT NULL REFERENCES blob (sha256),
    seq     bigint  NOT NULL CHECK (seq >= 1),
    data    bytea   NOT NULL,
    PRIMARY KEY (sha256, seq)
);
