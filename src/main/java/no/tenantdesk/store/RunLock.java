package no.tenantdesk.store;

/** A lock that one process holds at a time for one kind of run on a database; closing it lets the next one in. */
public interface RunLock extends AutoCloseable {

    @Override
    void close();
}
