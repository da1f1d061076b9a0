package no.tenantdesk.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.SafeNames;

/** A file a user attached, read whole before the transaction starts, so a bad path stores nothing. */
record FileInput(String filename, String contentType, byte[] data, String sha256) {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("heic", "image/heic"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("zip", "application/zip"),
            Map.entry("eml", "message/rfc822"));

    static List<FileInput> readAll(List<Path> paths) {
        for (Path path : paths) { // check all before reading any: one missing file fails the command up front
            if (!Files.isRegularFile(path)) {
                throw new InvalidInputException(
                        (Files.exists(path) ? "not a file: " : "no such file: ") + path);
            }
            if (!Files.isReadable(path)) {
                throw new InvalidInputException("cannot read file: " + path);
            }
        }
        return paths.stream().map(FileInput::read).toList();
    }

    private static FileInput read(Path path) {
        try {
            byte[] data = Files.readAllBytes(path);
            String name = SafeNames.filename(path.getFileName().toString());
            return new FileInput(name, contentType(name), data, sha256(data));
        } catch (IOException e) {
            throw new InvalidInputException("cannot read file " + path + ": " + e.getMessage());
        }
    }

    static String contentType(String filename) {
        int dot = filename.lastIndexOf('.');
        String extension = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null) {
            type = URLConnection.guessContentTypeFromName(filename);
        }
        return type == null ? "application/octet-stream" : type;
    }

    /** Streams the file: it may be larger than memory should hold. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] data) {
        return HexFormat.of().formatHex(newDigest().digest(data));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
