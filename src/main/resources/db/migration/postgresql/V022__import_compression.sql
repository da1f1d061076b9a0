-- A mail's raw bytes and a file's pieces are compressed with LZ4 instead of PostgreSQL's own pglz: a small mail of
-- 2 KB goes over the size at which PostgreSQL compresses a value, and inserting 5,000 such mails took the server
-- 0.55 s with pglz, 0.23 s with LZ4, for the same bytes stored (fetch-mail: 1.75 s of its CPU in all). Values
-- written before stay as they are; both read back alike. Only where the server was built with LZ4 (Debian's and
-- the PostgreSQL project's packages are): elsewhere nothing changes.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE blob ALTER COLUMN data SET COMPRESSION lz4;
        ALTER TABLE blob_chunk ALTER COLUMN data SET COMPRESSION lz4;
    END IF;
END
$$;
