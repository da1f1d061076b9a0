package no.tenantdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import no.tenantdesk.sla.SlaPolicy;
import no.tenantdesk.domain.ContactRef;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.Task;
import no.tenantdesk.store.Database;
import no.tenantdesk.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who gets a task made without an assignee: whoever is responsible for the inquiry's location, else for the nearest
 * area above it; nobody when no one is. Checked in the service that owns the rule.
 */
class TaskAssigneeTest {

    static final Deadlines DEADLINES = new Deadlines(SlaPolicy.defaults());

    @TempDir
    Path folder;

    Clock clock = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);
    Database database;
    TaskService tasks;

    @AfterEach
    void close() {
        database.close();
    }

    @BeforeEach
    void buildingWithCaretakers() {
        database = TestDatabase.open(folder);
        tasks = new TaskService(database, clock);
        ContactService contacts = new ContactService(database, clock);
        contacts.add(new ContactService.NewContact("Per Vaktmester", "per@drift.example", null, ContactRole.STAFF,
                null, null));
        contacts.add(new ContactService.NewContact("Rørlegger AS", "post@ror.example", null,
                ContactRole.CONTRACTOR, null, null));
        contacts.add(new ContactService.NewContact("Kari Leietaker", "kari@tenant.example", null, ContactRole.TENANT,
                null, null));
        LocationService locations = new LocationService(database, clock);
        locations.add("Bygg A", "Per Vaktmester", List.of());
        locations.add("Bygg A/2. etasje/kontor 204", null, List.of());
        locations.add("Bygg B", null, List.of());
    }

    long inquiryAt(String location) {
        return new InquiryService(database, clock, DEADLINES).create(new InquiryService.NewInquiry(
                "Lekkasje", null, null,
                location, null, null, null, List.of()), "lise").id();
    }

    Task task(long inquiry, String assignee) {
        return tasks.create(new TaskService.NewTask(inquiry, "Tett lekkasjen", null, assignee, null, null, null),
                "lise");
    }

    @Test
    void goesToWhoeverIsResponsibleForTheNearestAreaAbove() {
        assertThat(task(inquiryAt("kontor 204"), null).assignee()).extracting(ContactRef::name)
                .isEqualTo("Per Vaktmester");
    }

    @Test
    void aResponsibleCloserToTheLocationComesFirst() {
        new LocationService(database, clock).update("Bygg A/2. etasje", "Rørlegger AS", List.of(), List.of());

        assertThat(task(inquiryAt("kontor 204"), null).assignee()).extracting(ContactRef::name)
                .isEqualTo("Rørlegger AS");
    }

    @Test
    void anAssigneeGivenWinsOverTheResponsible() {
        assertThat(task(inquiryAt("kontor 204"), "post@ror.example").assignee()).extracting(ContactRef::name)
                .isEqualTo("Rørlegger AS");
    }

    @Test
    void nobodyWhenNoOneIsResponsibleOrTheInquiryHasNoLocation() {
        assertThat(task(inquiryAt("Bygg B"), null).assignee()).isNull();
        assertThat(task(inquiryAt(null), null).assignee()).isNull();
    }

    @Test
    void aTenantCannotBeGivenATask() {
        long inquiry = inquiryAt("kontor 204");

        assertThatThrownBy(() -> task(inquiry, "Kari Leietaker")).isInstanceOf(InvalidInputException.class)
                .hasMessage("Kari Leietaker is a tenant; only staff and contractors can be assigned");
    }
}
