package no.tenantdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tenantdesk.config.DigestSettings;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.TaskKind;
import no.tenantdesk.service.DigestPlan.Fate;
import no.tenantdesk.service.DigestPlan.Letter;
import no.tenantdesk.service.DigestPlan.Part;
import no.tenantdesk.store.DigestMapper.DueInquiry;
import no.tenantdesk.store.DigestMapper.OpenTask;
import org.junit.jupiter.api.Test;

/** Who gets which digest: the decision alone, without a database or a clock of its own. */
class DigestPlanTest {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final Instant MONDAY_0700 = Instant.parse("2026-12-07T06:00:00Z");
    static final DigestService.Settings SETTINGS = new DigestService.Settings(List.of("drift@eiendom.example"),
            DigestSettings.DEFAULT_TASKS_SUBJECT, DigestSettings.DEFAULT_TASKS_TEMPLATE,
            DigestSettings.DEFAULT_OPERATOR_SUBJECT, DigestSettings.DEFAULT_OPERATOR_TEMPLATE);

    static OpenTask task(long id, LocalDate due, long assignee, String email) {
        return new OpenTask(id, TaskKind.TASK, "Oppdrag " + id, due, 1, "Lekkasje", null, assignee, "Person "
                + assignee, email);
    }

    @Test
    void lateTasksComeFirstThenBySoonestDueThenThoseWithout() {
        List<Letter> letters = DigestPlan.plan(List.of(task(1, null, 7, "a@x.example"),
                task(2, LocalDate.of(2026, 12, 9), 7, "a@x.example"), task(3, LocalDate.of(2026, 12, 1), 7,
                        "a@x.example"), task(4, LocalDate.of(2026, 12, 7), 7, "a@x.example")),
                List.of(), Set.of(), false, SETTINGS, MONDAY_0700, OSLO);

        assertThat(letters).singleElement().satisfies(l -> {
            assertThat(l.items()).containsExactly(3L, 4L, 2L, 1L);
            assertThat(l.late()).isEqualTo(1);
            assertThat(l.text()).contains("(6 dager over)", "(i dag)", "uten frist");
        });
    }

    @Test
    void withoutAddressOrAlreadySentTodayTheLetterSaysSoAndForceSendsAgain() {
        List<OpenTask> tasks = List.of(task(1, null, 7, null), task(2, null, 8, "B@x.example"));
        Set<String> sent = Set.of(DigestPlan.key(Part.TASKS, "b@x.example"));

        assertThat(DigestPlan.plan(tasks, List.of(), sent, false, SETTINGS, MONDAY_0700, OSLO))
                .extracting(Letter::fate).containsExactly(Fate.NO_ADDRESS, Fate.ALREADY_SENT);
        assertThat(DigestPlan.plan(tasks, List.of(), sent, true, SETTINGS, MONDAY_0700, OSLO))
                .extracting(Letter::fate).containsExactly(Fate.NO_ADDRESS, Fate.SEND);
    }

    @Test
    void operatorsGetNothingWhenNothingIsDueAndEachGetsTheListWhenSomethingIs() {
        assertThat(DigestPlan.plan(List.of(), List.of(), Set.of(), false, SETTINGS, MONDAY_0700, OSLO)).isEmpty();

        DueInquiry late = new DueInquiry(4, "Heis", Priority.URGENT, null, MONDAY_0700.minusSeconds(7200), null,
                null);
        List<Letter> letters = DigestPlan.plan(List.of(), List.of(late), Set.of(), false, SETTINGS, MONDAY_0700,
                OSLO);
        assertThat(letters).singleElement().satisfies(l -> {
            assertThat(l.part()).isEqualTo(Part.OPERATOR);
            assertThat(l.email()).isEqualTo("drift@eiendom.example");
            assertThat(l.text())
                    .contains("- [#4] Heis (haster)\n  FORSINKET: svarfrist man. 7.12. kl. 05:00 (2 t over)");
        });
    }

    @Test
    void aTemplateIsFilledInOnePassSoATitleThatSaysAFieldStaysAsItIs() {
        assertThat(DigestPlan.fill("{count}: {list}", Map.of("count", "1", "list", "[#1] Om {count}")))
                .isEqualTo("1: [#1] Om {count}");
    }
}
