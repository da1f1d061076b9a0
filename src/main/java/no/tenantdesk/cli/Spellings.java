package no.tenantdesk.cli;

import java.util.Iterator;
import no.tenantdesk.domain.CliEnum;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.ReportBy;
import no.tenantdesk.domain.Status;
import no.tenantdesk.domain.TaskKind;

/**
 * What completion offers for a status, a priority or a task's kind: the canonical spellings, then the users' own words
 * ("pågår", "haster"), which every option and argument takes too ({@link CliEnum#words}).
 */
final class Spellings {

    private Spellings() {}

    static final String STATUSES = "todo, in-progress or done (to-do, pågår, fullført)";
    static final String PRIORITIES = "low, normal, high or urgent (lav, normal, høy, haster)";
    static final String KINDS = "task or deviation (oppgave, avvik)";

    static final class ReportGroups implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return CliEnum.typed(ReportBy.class).iterator();
        }
    }

    static final class Statuses implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return CliEnum.typed(Status.class).iterator();
        }
    }

    static final class Kinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return CliEnum.typed(TaskKind.class).iterator();
        }
    }

    static final class Priorities implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return CliEnum.typed(Priority.class).iterator();
        }
    }
}
