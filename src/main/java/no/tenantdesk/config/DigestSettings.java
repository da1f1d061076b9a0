package no.tenantdesk.config;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The config's {@code digest:}: who gets the operators' digest, and the Norwegian words of both digests. A subject or
 * template fills in {name}, {date}, {count}, {late} and {list}; any other {word} is an error when the config is
 * read, not a brace left in a mail to every contractor at seven in the morning.
 *
 * @param operators        addresses that get the inquiries late or due today; none: no operators' digest
 * @param tasksSubject     the subject of a person's list of open tasks
 * @param tasksTemplate    its text
 * @param operatorSubject  the subject of the operators' list
 * @param operatorTemplate its text
 */
public record DigestSettings(List<String> operators, String tasksSubject, String tasksTemplate,
        String operatorSubject, String operatorTemplate) {

    public static final String DEFAULT_TASKS_SUBJECT = "Dine åpne oppdrag {date}";
    public static final String DEFAULT_TASKS_TEMPLATE = """
            Hei {name},

            du har {count} åpne oppdrag, {late} av dem forsinket:

            {list}
            Svar på e-posten med oppdraget ([task #…] i emnet) når arbeidet er gjort, så kommer svaret rett inn på
            oppdraget.

            Dette er en automatisk oversikt fra tenantdesk.
            """;
    public static final String DEFAULT_OPERATOR_SUBJECT = "Frister: {count} henvendelser forfalt eller forfaller"
            + " i dag ({date})";
    public static final String DEFAULT_OPERATOR_TEMPLATE = """
            Hei,

            {count} henvendelser har passert en frist eller har frist i dag, {late} av dem forsinket:

            {list}
            Dette er en automatisk oversikt fra tenantdesk.
            """;

    public static final Set<String> FIELDS = Set.of("name", "date", "count", "late", "list");
    private static final Pattern FIELD = Pattern.compile("\\{([^{}\\s]*)}");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;]+@[^@\\s<>,;]+");

    // After the texts: creating the defaults reads them.
    public static final DigestSettings DEFAULTS = new DigestSettings(null, null, null, null, null);

    public DigestSettings {
        operators = operators == null ? List.of() : List.copyOf(operators);
        for (String operator : operators) {
            if (operator == null || !ADDRESS.matcher(operator.strip()).matches()) {
                throw new IllegalArgumentException("digest: operators: '" + operator
                        + "' is not an e-mail address (expected name@domain)");
            }
        }
        operators = operators.stream().map(String::strip).toList();
        tasksSubject = checked("tasks-subject", tasksSubject, DEFAULT_TASKS_SUBJECT);
        tasksTemplate = checked("tasks-template", tasksTemplate, DEFAULT_TASKS_TEMPLATE);
        operatorSubject = checked("operator-subject", operatorSubject, DEFAULT_OPERATOR_SUBJECT);
        operatorTemplate = checked("operator-template", operatorTemplate, DEFAULT_OPERATOR_TEMPLATE);
    }

    private static String checked(String key, String text, String fallback) {
        if (text == null) {
            return fallback;
        }
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            if (!FIELDS.contains(m.group(1))) {
                throw new IllegalArgumentException("digest: " + key + ": unknown field {" + m.group(1)
                        + "} (known: {name}, {date}, {count}, {late}, {list})");
            }
        }
        return text;
    }
}
