package no.tenantdesk.domain;

/** What `report --by` groups inquiries by. */
public enum ReportBy implements CliEnum {
    MONTH,
    LOCATION,
    ORGANIZATION,
    ASSIGNEE,
    SOURCE,
    PRIORITY;

    @Override
    public String cli() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ReportBy parse(String text) {
        return CliEnum.parse(ReportBy.class, "--by", text);
    }

    /** The CLI spelling, so that help texts and completion show what users type. */
    @Override
    public String toString() {
        return cli();
    }
}
