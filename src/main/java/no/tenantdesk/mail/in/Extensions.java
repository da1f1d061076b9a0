package no.tenantdesk.mail.in;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;

/** Between media types and file name extensions, for the few types tenants send. */
final class Extensions {

    private static final Map<String, String> BY_TYPE = Map.ofEntries(
            Map.entry("image/jpeg", "jpg"), Map.entry("image/pjpeg", "jpg"), Map.entry("image/png", "png"),
            Map.entry("image/gif", "gif"), Map.entry("image/heic", "heic"), Map.entry("image/heif", "heif"),
            Map.entry("image/webp", "webp"), Map.entry("image/tiff", "tif"), Map.entry("image/bmp", "bmp"),
            Map.entry("image/svg+xml", "svg"), Map.entry("application/pdf", "pdf"), Map.entry("text/plain", "txt"),
            Map.entry("text/html", "html"), Map.entry("text/calendar", "ics"), Map.entry("text/csv", "csv"),
            Map.entry("application/zip", "zip"), Map.entry("video/mp4", "mp4"), Map.entry("video/quicktime", "mov"),
            Map.entry("audio/mpeg", "mp3"), Map.entry("message/rfc822", "eml"),
            Map.entry("message/delivery-status", "txt"), Map.entry("text/rfc822-headers", "txt"),
            Map.entry("application/msword", "doc"), Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/pkcs7-signature", "p7s"), Map.entry("application/pgp-signature", "asc"));

    /** What phones and cameras name their files that the JDK does not know. */
    private static final Map<String, String> BY_EXTENSION = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "pdf", "application/pdf",
            "heic", "image/heic", "heif", "image/heif", "webp", "image/webp", "mov", "video/quicktime",
            "mp4", "video/mp4");

    private Extensions() {}

    /** The usual extension for a media type; null when there is none we know. */
    static String of(String contentType) {
        return BY_TYPE.get(contentType);
    }

    /** A better type than application/octet-stream when the name tells it; else the fallback. */
    static String guess(String filename, String fallback) {
        int dot = filename.lastIndexOf('.');
        if (dot < 0 || dot == filename.length() - 1) {
            return fallback;
        }
        String extension = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        String known = BY_EXTENSION.get(extension);
        if (known != null) {
            return known;
        }
        String guessed = URLConnection.guessContentTypeFromName("x." + extension);
        return guessed == null ? fallback : guessed.toLowerCase(Locale.ROOT);
    }
}
