-- A file's bytes in pieces of 1 MiB (store/Blobs.java), written and read one piece at a time. A whole file as one
-- BLOB value had to be whole in memory to be written or read (the driver binds and returns a value as one array, and
-- SQLite copies it once more): a 24 MiB attachment was held several times over during fetch-mail.
-- blob keeps one row per content, with its SHA-256, its size and now only its first piece in data; the pieces after
-- it are here, numbered from 1. Most files (mail, photos) are smaller than a piece and stay one row, as before. The
-- pieces are written in the same transaction as their blob row, so a blob row always has all its pieces.
CREATE TABLE blob_chunk (
    sha256  TEXT    NOT NULL REFERENCES blob (sha256),
    seq     INTEGER NOT NULL CHECK (seq >= 1),
    data    BLOB    NOT NULL,
    PRIMARY KEY (sha256, seq)
);

-- What was stored whole before is cut into the same pieces (substr counts bytes in a BLOB).
WITH RECURSIVE piece (sha256, seq) AS (
    SELECT sha256, 1 FROM blob WHERE length(data) > 1048576
    UNION ALL
    SELECT piece.sha256, piece.seq + 1 FROM piece JOIN blob ON blob.sha256 = piece.sha256
    WHERE (piece.seq + 1) * 1048576 < length(blob.data)
)
INSERT INTO blob_chunk (sha256, seq, data)
SELECT piece.sha256, piece.seq, substr(blob.data, piece.seq * 1048576 + 1, 1048576)
FROM piece JOIN blob ON blob.sha256 = piece.sha256;

UPDATE blob SET data = substr(data, 1, 1048576) WHERE length(data) > 1048576;
