package no.tenantdesk.sla;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Norway's public holidays ("helligdager": Easter's and Whitsun's days move with Easter, 17 May, Christmas), as the
 * jollyday library keeps them, so that a change in the law is a library update rather than an edit of a table of our
 * own. Each year is asked for once; jollyday's files are read on the first question, not before.
 */
public final class NorwegianHolidays implements Predicate<LocalDate> {

    private final Map<Integer, Set<LocalDate>> byYear = new HashMap<>();
    private HolidayManager manager;

    @Override
    public synchronized boolean test(LocalDate day) {
        return byYear.computeIfAbsent(day.getYear(), this::holidays).contains(day);
    }

    private Set<LocalDate> holidays(int year) {
        if (manager == null) {
            manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NORWAY));
        }
        return manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY).stream()
                .map(Holiday::getActualDate)
                .collect(Collectors.toUnmodifiableSet());
    }
}
