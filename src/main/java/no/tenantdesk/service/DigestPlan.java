package no.tenantdesk.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tenantdesk.domain.TaskKind;
import no.tenantdesk.store.DigestMapper.DueInquiry;
import no.tenantdesk.store.DigestMapper.OpenTask;

/**
 * Who gets which morning digest, and its words: a pure function of the open tasks, the inquiries due, what went out
 * today already, the settings and the clock. Each person with open tasks gets one message listing them, late first;
 * each operator one listing the inquiries late or due today; nobody with nothing open gets anything.
 */
final class DigestPlan {

    private static final Locale NORWEGIAN = Locale.forLanguageTag("nb-NO");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d. MMMM yyyy", NORWEGIAN);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d.M.", NORWEGIAN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", NORWEGIAN);
    private static final Pattern FIELD = Pattern.compile("\\{([a-z]+)}");

    private DigestPlan() {}

    /** A person's list of tasks, or an operator's list of inquiries. */
    enum Part {
        TASKS("tasks"), OPERATOR("operator");

        final String key;

        Part(String key) {
            this.key = key;
        }
    }

    /** What becomes of a letter: sent now, sent earlier today, or nobody to send it to. */
    enum Fate { SEND, ALREADY_SENT, NO_ADDRESS }

    /**
     * One message.
     *
     * @param email null when the person has no e-mail address
     * @param items the tasks' numbers (TASKS) or the inquiries' (OPERATOR), in the order listed
     */
    record Letter(Part part, Fate fate, String name, String email, String subject, String text, List<Long> items,
            int late) {

        String recipientKey() {
            return email == null ? null : email.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param sent "part recipient-key" of the digests that went out today already; ignored with {@code force}
     */
    static List<Letter> plan(List<OpenTask> tasks, List<DueInquiry> due, Set<String> sent, boolean force,
            DigestService.Settings settings, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Letter> letters = new ArrayList<>();
        Map<Long, List<OpenTask>> byAssignee = new LinkedHashMap<>();
        tasks.forEach(t -> byAssignee.computeIfAbsent(t.assigneeId(), id -> new ArrayList<>()).add(t));
        for (List<OpenTask> own : byAssignee.values()) {
            List<OpenTask> sorted = own.stream().sorted(Comparator.comparing((OpenTask t) -> t.due() == null)
                    .thenComparing(OpenTask::due, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingLong(OpenTask::taskId)).toList();
            int late = (int) sorted.stream().filter(t -> t.due() != null && t.due().isBefore(today)).count();
            String list = String.join("\n", sorted.stream().map(t -> taskLines(t, today)).toList());
            OpenTask first = sorted.get(0);
            String email = first.assigneeEmail() == null || first.assigneeEmail().isBlank() ? null
                    : first.assigneeEmail().strip();
            Map<String, String> fields = fields(first.assigneeName(), today, sorted.size(), late, list);
            letters.add(letter(Part.TASKS, first.assigneeName(), email, fill(settings.tasksSubject(), fields),
                    fill(settings.tasksTemplate(), fields), sorted.stream().map(OpenTask::taskId).toList(), late,
                    sent, force));
        }
        if (!due.isEmpty()) {
            List<DueInquiry> sorted = due.stream().sorted(Comparator.comparing(DueInquiry::dueAt)
                    .thenComparingLong(DueInquiry::id)).toList();
            int late = (int) sorted.stream().filter(i -> !i.dueAt().isAfter(now)).count();
            String list = String.join("\n", sorted.stream().map(i -> inquiryLines(i, now, zone)).toList());
            for (String operator : settings.operators()) {
                Map<String, String> fields = fields(operator, today, sorted.size(), late, list);
                letters.add(letter(Part.OPERATOR, operator, operator, fill(settings.operatorSubject(), fields),
                        fill(settings.operatorTemplate(), fields), sorted.stream().map(DueInquiry::id).toList(), late,
                        sent, force));
            }
        }
        letters.sort(Comparator.comparing(Letter::part).thenComparing(Letter::name, String.CASE_INSENSITIVE_ORDER));
        return letters;
    }

    private static Letter letter(Part part, String name, String email, String subject, String text, List<Long> items,
            int late, Set<String> sent, boolean force) {
        Fate fate = email == null ? Fate.NO_ADDRESS
                : !force && sent.contains(key(part, email)) ? Fate.ALREADY_SENT : Fate.SEND;
        return new Letter(part, fate, name, email, oneLine(subject), text, items, late);
    }

    static String key(Part part, String email) {
        return part.key + " " + email.toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> fields(String name, LocalDate today, int count, int late, CharSequence list) {
        return Map.of("name", name, "date", DAY.format(today), "count", Integer.toString(count),
                "late", Integer.toString(late), "list", list.toString());
    }

    /** The template with its {fields} filled in, in one pass: a title that says "{date}" stays as it is. */
    static String fill(String template, Map<String, String> fields) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = fields.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * - FORSINKET, frist tor 3.12. (4 dager over): Tett lekkasje (oppdrag #5)
     *   [#12] Lekkasje i taket · Bygg A/2. etasje/Kontor 204
     */
    private static String taskLines(OpenTask t, LocalDate today) {
        StringBuilder s = new StringBuilder("- ");
        if (t.due() == null) {
            s.append("uten frist");
        } else {
            long days = ChronoUnit.DAYS.between(t.due(), today);
            s.append(days > 0 ? "FORSINKET, frist " : "frist ").append(SHORT_DAY.format(t.due()))
                    .append(days > 1 ? " (" + days + " dager over)" : days == 1 ? " (1 dag over)"
                            : days == 0 ? " (i dag)" : "");
        }
        s.append(": ").append(oneLine(t.taskTitle())).append(" (").append(t.kind() == TaskKind.DEVIATION ? "avvik"
                : "oppdrag").append(" #").append(t.taskId()).append(")\n");
        s.append("  [#").append(t.inquiryId()).append("] ").append(oneLine(t.inquiryTitle()));
        if (t.location() != null) {
            s.append(" · ").append(oneLine(t.location()));
        }
        return s.append('\n').toString();
    }

    /**
     * - [#12] Lekkasje i taket (haster) · Bygg A
     *   FORSINKET: svarfrist man 7.12. kl. 10:00 (2 t over) · ansvarlig: Ola Nordmann
     */
    private static String inquiryLines(DueInquiry i, Instant now, ZoneId zone) {
        StringBuilder s = new StringBuilder("- [#").append(i.id()).append("] ").append(oneLine(i.title()))
                .append(" (").append(i.priority().words().get(0)).append(')');
        if (i.location() != null) {
            s.append(" · ").append(oneLine(i.location()));
        }
        ZonedDateTime at = i.dueAt().atZone(zone);
        boolean late = !i.dueAt().isAfter(now);
        s.append("\n  ").append(late ? "FORSINKET: " : "")
                .append(i.respondedAt() == null ? "svarfrist " : "løsningsfrist ")
                .append(SHORT_DAY.format(at)).append(" kl. ").append(TIME.format(at))
                .append(late ? " (" + overdue(Duration.between(i.dueAt(), now)) + " over)" : " (i dag)");
        s.append(" · ansvarlig: ").append(i.assignee() == null ? "ingen" : oneLine(i.assignee()));
        return s.append('\n').toString();
    }

    /** "45 min", "3 t", "2 d": as the DUE column says it. */
    static String overdue(Duration late) {
        if (late.toHours() >= 24) {
            return late.toDays() + " d";
        }
        return late.toHours() >= 1 ? late.toHours() + " t" : late.toMinutes() + " min";
    }

    /** A title or name as one line: a subject cannot hold a line break, and a list line should not. */
    private static String oneLine(String text) {
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(c -> s.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return s.toString().strip();
    }
}
