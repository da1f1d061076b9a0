package no.tenantdesk.render;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import no.tenantdesk.domain.Attachment;
import no.tenantdesk.domain.Comment;
import no.tenantdesk.domain.Contact;
import no.tenantdesk.domain.Event;
import no.tenantdesk.domain.Inquiry;
import no.tenantdesk.domain.InquiryDetails;
import no.tenantdesk.domain.LocationRef;
import no.tenantdesk.domain.Organization;
import no.tenantdesk.domain.OutboxMessage;
import no.tenantdesk.domain.QuotedHistory;
import no.tenantdesk.domain.Status;
import no.tenantdesk.domain.Task;

/** The long forms for people: an inquiry's whole story, a task, a contact. */
public final class DetailsText {

    private final Formats formats;
    private final Palette palette;

    public DetailsText(Formats formats, Palette palette) {
        this.formats = formats;
        this.palette = palette;
    }

    /** @param full whether a tenant's answer is printed with the earlier mail it quotes */
    public void inquiry(PrintWriter out, InquiryDetails details, boolean full) {
        Inquiry i = details.inquiry();
        out.println(palette.bold("Inquiry " + i.id() + ": " + i.title()));
        field(out, "Status", palette.status(i.status()), closed(i.closedAt()));
        if (details.mergedInto() != null) {
            field(out, "Merged", "into #" + details.mergedInto() + ": its story is there now (inquiry show "
                    + details.mergedInto() + ")");
        }
        field(out, "Priority", palette.priority(i.priority()));
        field(out, "Tenant", Formats.label(i.requester()));
        if (i.requester() != null && i.requester().organization() != null) {
            field(out, "Org", i.requester().organization().name());
        }
        field(out, "Location", Formats.path(i.location()), locationFrom(i));
        field(out, "Assignee", Formats.label(i.assignee()));
        field(out, "Source", i.source().cli());
        field(out, "Created", formats.timeAndAge(i.createdAt()));
        field(out, "Updated", formats.timeAndAge(i.updatedAt()));
        if (i.sla() != null) {
            boolean open = i.status() != Status.DONE;
            deadline(out, "Respond", i.sla().respondBy(), i.sla().respondedAt(), open);
            deadline(out, "Resolve", i.sla().resolveBy(), open ? null : i.closedAt(), open);
        }
        if (!i.description().isBlank()) {
            heading(out, "Description");
            indented(out, i.description(), "  ");
        }
        if (!details.tasks().isEmpty()) {
            heading(out, "Tasks");
            for (Task task : details.tasks()) {
                taskSummary(out, task);
            }
        }
        if (!details.attachments().isEmpty()) {
            attachments(out, details.attachments());
        }
        if (!details.outbox().isEmpty()) {
            mailSent(out, details.outbox());
        }
        heading(out, "Timeline");
        timeline(out, details, full);
    }

    private void attachments(PrintWriter out, List<Attachment> attachments) {
        heading(out, "Attachments");
        Table table = new Table().column("  ID").flexible("FILE", 12).column("TYPE").column("SIZE").column("WITH");
        for (Attachment a : attachments) {
            table.row("  " + a.id(), a.filename(), a.contentType(), Formats.size(a.size()), owner(a));
        }
        table.print(out, Integer.MAX_VALUE);
    }

    private void mailSent(PrintWriter out, List<OutboxMessage> outbox) {
        heading(out, "Mail sent");
        Table table = new Table().column("  ID").column("KIND").flexible("TO", 12).column("STATE")
                .flexible("WHEN", 10);
        for (OutboxMessage m : outbox) {
            table.row("  " + m.id(), m.kind().cli(), m.recipient(), palette.outbox(m.state()), m.sentAt() != null
                    ? formats.time(m.sentAt()) : Formats.orDash(m.lastError()));
        }
        table.print(out, Integer.MAX_VALUE);
    }

    private void taskSummary(PrintWriter out, Task task) {
        out.println("  #" + task.id() + " " + task.kind().cli() + " [" + palette.status(task.status()) + "] "
                + TerminalText.line(task.title()) + " → " + TerminalText.line(Formats.name(task.assignee()))
                + (task.due() == null ? "" : ", due " + formats.dueDate(task.due(), task.status() != Status.DONE)));
        if (task.completionNote() != null) {
            indented(out, "Note: " + task.completionNote(), "     ");
        }
        if (!task.attachments().isEmpty()) {
            out.println("     Files: " + task.attachments().stream()
                    .map(a -> "#" + a.id() + " " + TerminalText.line(a.filename())
                            + " (" + Formats.size(a.size()) + ")")
                    .collect(Collectors.joining(", ")));
        }
    }

    /** @param hidden the line that says how much quoted history the body leaves out; null when none */
    private record Entry(Instant at, int order, String who, String what, String body, String hidden) {}

    private void timeline(PrintWriter out, InquiryDetails details, boolean full) {
        List<Entry> entries = new ArrayList<>();
        for (Comment c : details.comments()) {
            String files = c.attachments().isEmpty() ? "" : " [" + c.attachments().stream()
                    .map(a -> TerminalText.line(a.filename())).collect(Collectors.joining(", ")) + "]";
            QuotedHistory quoted = full ? null : c.quotedHistory().orElse(null);
            entries.add(new Entry(c.createdAt(), 1, c.author(), c.kind().cli() + " comment" + files,
                    quoted == null ? c.body() : quoted.newPart(c.body()), quoted == null ? null : hidden(quoted)));
        }
        for (Event e : details.events()) {
            String subject = e.taskId() == null ? "" : "task #" + e.taskId() + " ";
            String what = e.field().equals("created") ? "created the inquiry (" + e.to() + ")"
                    : e.field().equals("retention") ? "retention: " + TerminalText.line(e.to())
                    : e.from() == null && e.taskId() != null
                    ? "created " + e.field() + " #" + e.taskId() + ": " + TerminalText.line(e.to())
                    : subject + e.field() + ": " + shortValue(e.from()) + " → " + shortValue(e.to());
            entries.add(new Entry(e.createdAt(), e.field().equals("created") ? 0 : 2, e.actor(), what, null, null));
        }
        entries.sort(Comparator.comparing(Entry::at).thenComparing(Entry::order));
        for (Entry entry : entries) {
            out.println("  " + palette.dim(formats.time(entry.at())) + "  " + TerminalText.line(entry.who()) + ": "
                    + entry.what());
            if (entry.body() != null) {
                indented(out, entry.body(), "      ");
            }
            if (entry.hidden() != null) {
                out.println("      " + entry.hidden());
            }
        }
    }

    public void task(PrintWriter out, Task task) {
        out.println(palette.bold("Task " + task.id() + " (" + task.kind().cli() + "): " + task.title()));
        field(out, "Inquiry", "#" + task.inquiryId());
        field(out, "Status", palette.status(task.status()), closed(task.closedAt()));
        field(out, "Priority", palette.priority(task.priority()));
        field(out, "Assignee", Formats.label(task.assignee()));
        boolean open = task.status() != Status.DONE;
        field(out, "Due", palette.due(formats.dueDate(task.due(), open),
                task.due() == null || !open ? null : formats.left(task.due())));
        field(out, "Created", formats.timeAndAge(task.createdAt()) + " by " + task.createdBy());
        if (!task.description().isBlank()) {
            heading(out, "Description");
            indented(out, task.description(), "  ");
        }
        if (task.completionNote() != null) {
            heading(out, "Completion note");
            indented(out, task.completionNote(), "  ");
        }
        if (!task.attachments().isEmpty()) {
            heading(out, "Files");
            for (Attachment a : task.attachments()) {
                out.println("  #" + a.id() + " " + TerminalText.line(a.filename()) + "  " + a.contentType() + "  "
                        + Formats.size(a.size()));
            }
        }
    }

    public void contact(PrintWriter out, Contact contact) {
        out.println(palette.bold("Contact " + contact.id() + ": " + contact.name()));
        field(out, "Role", contact.role().cli());
        field(out, "E-mail", Formats.orDash(contact.email()));
        field(out, "Phone", Formats.orDash(contact.phone()));
        field(out, "Location", Formats.path(contact.location()));
        field(out, "Org", contact.organization() == null ? "-" : contact.organization().name());
        field(out, "Added", formats.time(contact.createdAt()));
    }

    public void organization(PrintWriter out, Organization organization) {
        out.println(palette.bold("Organization " + organization.id() + ": " + organization.name()));
        field(out, "Domains", organization.domains().isEmpty() ? "-" : String.join(", ", organization.domains()));
        field(out, "Premises", organization.premises().isEmpty() ? "-"
                : organization.premises().stream().map(LocationRef::path).collect(Collectors.joining(", ")));
        field(out, "Open", organization.openInquiries() + (organization.openInquiries() == 1 ? " inquiry"
                : " inquiries"));
        field(out, "Added", formats.time(organization.createdAt()));
        heading(out, "People");
        if (organization.contacts().isEmpty()) {
            out.println("  none yet");
        }
        organization.contacts().forEach(c -> out.println("  " + TerminalText.line("#" + c.id() + " " + c.label())));
    }

    /** Where the place came from, so that an operator can trust or correct it: " (from text: «bygg a»)". */
    private static String locationFrom(Inquiry i) {
        if (i.location() == null || i.locationFrom() == null) {
            return "";
        }
        String matched = i.locationMatched() == null || i.locationMatched().isBlank() ? ""
                : ": " + switch (i.locationFrom()) {
                    case TEXT -> "\"" + i.locationMatched() + "\"";
                    case RULE -> "rule '" + i.locationMatched() + "'";
                    default -> i.locationMatched();
                };
        return " (from " + i.locationFrom().cli() + matched + ")";
    }

    private String closed(Instant closedAt) {
        return closedAt == null ? "" : " (closed " + formats.time(closedAt) + ", " + formats.age(closedAt) + ")";
    }

    private static String owner(Attachment a) {
        return a.taskId() != null ? "task #" + a.taskId()
                : a.commentId() != null ? "comment #" + a.commentId()
                : "inquiry";
    }

    private String hidden(QuotedHistory history) {
        return palette.dim("[" + history.lines() + (history.lines() == 1 ? " quoted line" : " quoted lines")
                + " hidden; --full shows them]").render();
    }

    private static String shortValue(String value) {
        return value == null ? "-" : Table.cut(TerminalText.line(value), 60);
    }

    /** A "  Name      value" line; plain parts are made terminal-safe, styled ones are already. */
    /** "2026-12-02 09:00 (om 3 t)" while it runs; "(met 2026-12-01 10:12)" or "(met … , late)" once met. */
    private void deadline(PrintWriter out, String name, Instant by, Instant met, boolean open) {
        if (met != null) {
            field(out, name, formats.time(by), " (met " + formats.time(met) + (met.isAfter(by) ? ", late)" : ")"));
        } else if (open) {
            field(out, name, formats.time(by), " (", palette.due(formats.due(by), formats.left(by)), ")");
        } else {
            field(out, name, formats.time(by));
        }
    }

    private static void field(PrintWriter out, String name, Object... parts) {
        StringBuilder value = new StringBuilder();
        for (Object part : parts) {
            value.append(part instanceof Palette.Styled styled ? styled.render()
                    : TerminalText.line(String.valueOf(part)));
        }
        out.printf("  %-9s %s%n", name, value);
    }

    private void heading(PrintWriter out, String text) {
        out.println();
        out.println(palette.bold(text));
    }

    private static void indented(PrintWriter out, String text, String indent) {
        for (String line : TerminalText.block(text).split("\n", -1)) {
            out.println((indent + line).stripTrailing());
        }
    }
}
