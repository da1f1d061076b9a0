package no.tenantdesk.domain;

/** File names that are safe to write anywhere: no folders, no control characters, never empty. */
public final class SafeNames {

    private SafeNames() {}

    public static String filename(String name) {
        String base = name == null ? "" : name;
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        StringBuilder safe = new StringBuilder();
        base.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(safe::appendCodePoint);
        String result = safe.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        if (result.length() > 200) {
            result = result.substring(0, 200);
        }
        return result.isEmpty() ? "attachment" : result;
    }
}
