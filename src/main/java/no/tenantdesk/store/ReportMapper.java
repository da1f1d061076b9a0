package no.tenantdesk.store;

import java.time.Instant;
import java.util.List;
import no.tenantdesk.domain.ReportBy;
import org.apache.ibatis.annotations.Param;

/** `report`: the inquiries that were open at any time of a period, with what a report groups and measures them by. */
public interface ReportMapper {

    /**
     * @param firstReply  when the first reply went to the tenant, or null
     * @param respondBy   the first-reply deadline (V015), null for an inquiry done before deadlines were counted
     * @param resolveBy   the resolution deadline of its latest clock
     * @param respondedAt when the first reply met (or missed) respondBy
     * @param grouping    the value of the field the report groups by (null when it is by month, or for none)
     */
    record Row(
            Instant createdAt,
            Instant closedAt,
            Instant firstReply,
            Instant respondBy,
            Instant resolveBy,
            Instant respondedAt,
            String grouping) {}

    /** Before openDuring, in its transaction: PostgreSQL plans it without compiling it (JIT), which costs more here. */
    String withoutJit();

    /** Each row with the field {@code by} names; by month, with none. */
    List<Row> openDuring(@Param("from") Instant from, @Param("to") Instant to, @Param("by") ReportBy by);

}
