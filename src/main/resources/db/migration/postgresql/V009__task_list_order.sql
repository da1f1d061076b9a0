-- task list: open first, then the soonest due, undated last, as ../V009__task_list_order.sql.
CREATE INDEX task_open_due ON task ((status = 'done'), (due IS NULL), due);
